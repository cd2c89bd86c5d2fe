// A small PNG reader for the e2e checks: 8-bit RGB or RGBA, not interlaced (what Chromium's
// screenshots are). Returns { width, height, channels, pixel(x, y) → [r, g, b] }.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(buffer) {
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let header;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9], interlace: body[12] };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const channels = { 2: 3, 6: 4 }[header.colour];
  if (header.depth !== 8 || !channels || header.interlace) throw new Error(`unsupported PNG (depth ${header.depth}, colour type ${header.colour}, interlace ${header.interlace})`);
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = header.width * channels;
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`PNG filter ${filter}`);
      out[i] = v & 0xff;
    }
  }
  return {
    width: header.width,
    height: header.height,
    channels,
    pixel(x, y) {
      const i = y * stride + x * channels;
      return [pixels[i], pixels[i + 1], pixels[i + 2]];
    },
  };
}

/**
 * What a region of the image looks like: the number of distinct colours, the most common colour
 * and its share, and that colour's relative luminance (0 black … 1 white).
 */
export function colourStats(png, region = { x: 0, y: 0, width: png.width, height: png.height }) {
  const counts = new Map();
  let total = 0;
  const x1 = Math.max(0, Math.floor(region.x));
  const y1 = Math.max(0, Math.floor(region.y));
  const x2 = Math.min(png.width, Math.ceil(region.x + region.width));
  const y2 = Math.min(png.height, Math.ceil(region.y + region.height));
  for (let y = y1; y < y2; y++) {
    for (let x = x1; x < x2; x++) {
      const key = png.pixel(x, y).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
    }
  }
  const [dominant, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['0,0,0', 0];
  const rgb = dominant.split(',').map(Number);
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return { distinct: counts.size, dominant: rgb, dominantShare: total ? n / total : 1, luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b, pixels: total };
}
