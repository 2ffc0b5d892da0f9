import fc from "fast-check";
import { jsonByteLength } from "../../src/host/runtime/json-size";

describe("jsonByteLength", () => {
  test("equals the UTF-8 length of JSON.stringify for JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jsonByteLength(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
      }),
      { numRuns: 500 },
    );
  });

  test("handles 2-D cell arrays with escapes, unicode and special numbers", () => {
    const grid = [["客户分级", 'quote " and \\ backslash', "tab\tnew\nline", "\u0001"], [1.5e-7, -0, 123456789012, true], [null, false, "", "😀"]];
    expect(jsonByteLength(grid)).toBe(Buffer.byteLength(JSON.stringify(grid), "utf8"));
  });
});
