import { describe, expect, it } from "vitest";
import { extractLinks } from "@/lib/email/outbox";

describe("extractLinks", () => {
  it("returns the http(s) links of an email's HTML, decoded and without repeats", () => {
    const html = `<a href="http://localhost:3000/reset-password/abc_DEF-1">Set</a>
      <a href='https://example.com/?a=1&amp;b=2'>x</a>
      <a href="http://localhost:3000/reset-password/abc_DEF-1">again</a>
      <a href="mailto:someone@example.com">mail</a><a href="javascript:alert(1)">bad</a><a href="/relative">rel</a>`;
    expect(extractLinks(html)).toEqual(["http://localhost:3000/reset-password/abc_DEF-1", "https://example.com/?a=1&b=2"]);
  });

  it("returns nothing for HTML without links", () => {
    expect(extractLinks("<p>Hello</p>")).toEqual([]);
  });
});
