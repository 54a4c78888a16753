import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES } from "@/lib/settings/logo";
import { checkSvg } from "@/lib/settings/svg-check";

const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG_HEAD = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const text = (value: string) => new TextEncoder().encode(value);
const SIMPLE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- logo -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Acme</title><rect width="10" height="10" fill="#123"/><style><![CDATA[rect{fill:red}]]></style></svg>
`;

describe("checkLogo", () => {
  it("recognises PNG, JPEG and SVG by their bytes", () => {
    expect(checkLogo(TINY_PNG)).toEqual({ ok: true, mime: "image/png" });
    expect(checkLogo(JPEG_HEAD)).toEqual({ ok: true, mime: "image/jpeg" });
    expect(checkLogo(text(SIMPLE_SVG))).toEqual({ ok: true, mime: "image/svg+xml" });
    expect(checkLogo(text(`\uFEFF<svg xmlns="http://www.w3.org/2000/svg"/>`))).toEqual({ ok: true, mime: "image/svg+xml" });
  });

  it("refuses a text file, an empty file, a truncated PNG signature and binary junk", () => {
    expect(checkLogo(text("just some notes, renamed logo.png"))).toMatchObject({ ok: false, error: expect.stringMatching(/PNG, JPEG or SVG/) });
    expect(checkLogo(new Uint8Array())).toMatchObject({ ok: false });
    expect(checkLogo(TINY_PNG.subarray(0, 10))).toMatchObject({ ok: false });
    expect(checkLogo(Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toMatchObject({ ok: false }); // GIF
    expect(checkLogo(Uint8Array.from([0xc3, 0x28, 0x3c, 0x73, 0x76, 0x67]))).toMatchObject({ ok: false }); // invalid UTF-8
  });

  it("refuses files over 1 MB whatever they are", () => {
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(TINY_PNG);
    expect(checkLogo(big)).toMatchObject({ ok: false, error: expect.stringMatching(/1 MB/) });
    expect(checkLogo(big.subarray(0, LOGO_MAX_BYTES))).toMatchObject({ ok: true });
  });
});

describe("checkSvg", () => {
  const svg = (inner: string, attributes = "") => `<svg xmlns="http://www.w3.org/2000/svg"${attributes}>${inner}</svg>`;

  it.each([
    ["a script element", svg("<script>alert(1)</script>")],
    ["an upper-case script element", svg("<SCRIPT>alert(1)</SCRIPT>")],
    ["a namespaced script element", svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>')],
    ["an onload attribute", svg("", ' onload="alert(1)"')],
    ["an event attribute on a child", svg('<rect ONCLICK="alert(1)"/>')],
    ["a javascript: link", svg('<a href="javascript:alert(1)"><rect/></a>')],
    ["an encoded javascript: link", svg('<a href="jav&#x61;script&#58;alert(1)"><rect/></a>')],
    ["a javascript: link split by whitespace", svg('<a href="java\nscript:alert(1)"><rect/></a>')],
    ["a foreignObject", svg("<foreignObject><div>hi</div></foreignObject>")],
    ["an iframe", svg("<iframe/>")],
  ])("refuses %s", (_, source) => {
    expect(checkSvg(source)).toMatchObject({ ok: false, error: expect.stringMatching(/scripts/) });
  });

  it.each([
    ["HTML", "<html><body><svg></svg></body></html>"],
    ["a non-svg root", "<rect/>"],
    ["two roots", "<svg></svg><svg></svg>"],
    ["unclosed tags", "<svg><g></svg>"],
    ["text outside the root", "hello <svg></svg>"],
    ["an unquoted attribute", "<svg width=10></svg>"],
    ["a doctype with entities", '<!DOCTYPE svg [<!ENTITY a "x">]><svg>&a;</svg>'],
    ["an empty file", ""],
    ["a declaration after the root", "<svg></svg><?xml version='1.0'?>"],
  ])("refuses %s as not an SVG", (_, source) => {
    expect(checkSvg(source)).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid SVG/) });
  });

  it("accepts ordinary logos", () => {
    expect(checkSvg(SIMPLE_SVG)).toEqual({ ok: true });
    expect(checkSvg(svg('<g id="one"><path d="M0 0L10 10" stroke=\'#000\'/></g><text x="1">Acme &amp; Co</text>'))).toEqual({ ok: true });
    expect(checkSvg(svg('<a href="https://example.com"><rect/></a>'))).toEqual({ ok: true });
  });
});
