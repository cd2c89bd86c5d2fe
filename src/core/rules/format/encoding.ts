/** `encoding`: A Keyplan document that is not UTF-8 text. */
import { defineRule } from '../define.js';

export const encoding = defineRule({
  id: 'encoding',
  category: 'format',
  severity: 'error',
  summary: { en: 'A Keyplan document that is not UTF-8 text.', zh: 'Keyplan 文档不是 UTF-8 文本。' },
  messages: {
    'not-utf8': {
      en: () => 'This file is not valid UTF-8 text. Save it with UTF-8 encoding so Keyplan can read it.',
      zh: () => '该文件不是有效的 UTF-8 文本。请以 UTF-8 编码保存，Keyplan 才能读取。',
    },
    nul: {
      en: () => 'This file contains a NUL byte, so git and other tools treat it as binary (no diffs, no merges). Keyplan reads it as text; remove the NUL byte.',
      zh: () => '该文件包含 NUL 字节，git 等工具会把它当作二进制文件（无法比较和合并）。Keyplan 仍按文本读取；请删除该 NUL 字节。',
    },
  },
});
