/**
 * A strict well-formedness check for the XML Keyplan writes (XML 1.0, no DTD, no CDATA, no
 * comments): one root element, balanced tags, quoted attributes, only the predefined and numeric
 * entities, and no character XML 1.0 forbids. Returns the problems found (empty when well-formed)
 * and the element tree, for assertions.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

/** Checks text between tags or inside an attribute: `&` only as an entity, never a raw `<`. */
function checkText(text: string, where: string, problems: string[]): void {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) problems.push(`bare & in ${where}: ${JSON.stringify(text.slice(i, i + 12))}`);
  }
  if (text.includes('<')) problems.push(`raw < in ${where}`);
}

export function parseXml(xml: string): { problems: string[]; root?: XmlElement } {
  const problems: string[] = [];
  const bad = ILLEGAL.exec(xml);
  if (bad) problems.push(`illegal character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  let at = 0;
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (decl) at = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = lt < 0 ? xml.slice(at) : xml.slice(at, lt);
    if (text) {
      if (!stack.length) {
        if (text.trim()) problems.push(`text outside the root element: ${JSON.stringify(text.slice(0, 20))}`);
      } else {
        checkText(text, `<${stack[stack.length - 1].name}>`, problems);
        stack[stack.length - 1].text += decode(text);
      }
    }
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) {
      problems.push('unterminated tag');
      break;
    }
    const tag = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) problems.push(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(body)?.[0];
    if (!name) {
      problems.push(`bad tag <${tag.slice(0, 20)}>`);
      continue;
    }
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    let rest = body.slice(name.length);
    while (rest.trim()) {
      const m = /^\s+([A-Za-z_][\w.-]*)="([^"]*)"/.exec(rest);
      if (!m) {
        problems.push(`bad attribute syntax in <${name}>: ${JSON.stringify(rest.slice(0, 30))}`);
        break;
      }
      if (m[1] in element.attributes) problems.push(`duplicate attribute ${m[1]} in <${name}>`);
      checkText(m[2], `attribute ${m[1]}`, problems);
      element.attributes[m[1]] = decode(m[2]);
      rest = rest.slice(m[0].length);
    }
    if (stack.length) stack[stack.length - 1].children.push(element);
    else if (root) problems.push('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) problems.push(`unclosed <${stack.map((e) => e.name).join('> <')}>`);
  if (!root) problems.push('no root element');
  return { problems, root };
}
