// A small, strict reader for uploaded SVG logos. It accepts only well-formed markup whose root is
// <svg>, and refuses anything that could run script when the file is opened on its own.

export type SvgCheck = { ok: true } | { ok: false; error: string };

const NOT_SVG = "This file is not a valid SVG image.";
const ACTIVE = "SVG logos cannot contain scripts, event handlers, javascript: links or embedded HTML.";

const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')/;
const FORBIDDEN_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"]);

/** Decodes numeric character references, so "java&#115;cript:" cannot hide. */
function decodeReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) => {
    const point = code[0] === "x" || code[0] === "X" ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : "";
  });
}

function hasJavascriptUrl(text: string): boolean {
  // browsers ignore whitespace and control characters inside a URL scheme
  const squeezed = Array.from(decodeReferences(text))
    .filter((char) => (char.codePointAt(0) ?? 0) > 0x20 && !/\s/.test(char))
    .join("");
  return /javascript:/i.test(squeezed);
}

export function checkSvg(source: string): SvgCheck {
  // cheap, whole-text refusals first: they catch what the reader below might not reach
  if (/<\s*([\w.-]+:)?(script|foreignObject)\b/i.test(source)) return { ok: false, error: ACTIVE };
  if (/[\s"'/]on[a-z]+\s*=/i.test(source) || hasJavascriptUrl(source)) return { ok: false, error: ACTIVE };
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return { ok: false, error: NOT_SVG };

  const stack: string[] = [];
  let rootSeen = false;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const text = source.slice(i, lt === -1 ? source.length : lt);
    if (stack.length === 0 && text.trim() !== "") return { ok: false, error: NOT_SVG };
    if (lt === -1) break;
    i = lt;
    if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i + 4);
      if (end === -1) return { ok: false, error: NOT_SVG };
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end === -1 || stack.length === 0) return { ok: false, error: NOT_SVG };
      i = end + 3;
    } else if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i);
      if (end === -1 || rootSeen) return { ok: false, error: NOT_SVG };
      i = end + 2;
    } else if (source.startsWith("</", i)) {
      const name = NAME.exec(source.slice(i + 2))?.[0];
      const close = name ? source.slice(i + 2 + name.length).match(/^\s*>/) : null;
      if (!name || !close || stack.pop() !== name) return { ok: false, error: NOT_SVG };
      i += 2 + name.length + close[0].length;
    } else {
      const tag = readStartTag(source, i);
      if (!tag) return { ok: false, error: NOT_SVG };
      if (stack.length === 0) {
        if (rootSeen || tag.name !== "svg") return { ok: false, error: NOT_SVG };
        rootSeen = true;
      }
      // compare the local name, so a namespace prefix (<x:script>) cannot hide an element
      const localName = tag.name.slice(tag.name.indexOf(":") + 1).toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(localName)) return { ok: false, error: ACTIVE };
      if (tag.attributes.some((name) => /^on/i.test(name))) return { ok: false, error: ACTIVE };
      if (!tag.selfClosing) stack.push(tag.name);
      i = tag.end;
    }
  }
  return rootSeen && stack.length === 0 ? { ok: true } : { ok: false, error: NOT_SVG };
}

function readStartTag(source: string, start: number): { name: string; attributes: string[]; selfClosing: boolean; end: number } | null {
  const name = NAME.exec(source.slice(start + 1))?.[0];
  if (!name) return null;
  let i = start + 1 + name.length;
  const attributes: string[] = [];
  for (;;) {
    const rest = source.slice(i, i + 10_000);
    const attribute = ATTRIBUTE.exec(rest);
    if (attribute) {
      const attributeName = attribute[1] ?? "";
      if (attributes.includes(attributeName)) return null;
      attributes.push(attributeName);
      i += attribute[0].length;
      continue;
    }
    const end = /^\s*(\/?)>/.exec(rest);
    if (!end) return null;
    return { name, attributes, selfClosing: end[1] === "/", end: i + end[0].length };
  }
}
