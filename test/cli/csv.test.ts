/** The CLI's CSV parser/writer and formula neutralisation (unit tests, in-process). */
import { csvField, neutralise, parseCsv, sniffDelimiter, writeCsv, CsvError } from "../../src/engine/input/csv";
import { cellText, columnLetter, decodeText, plainValue, sheetNameFor } from "../../src/cli/io";

describe("parseCsv", () => {
  test.each([
    ["a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]],
    ["a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ["a,b\r1,2\r", [["a", "b"], ["1", "2"]]],
    ["\uFEFFa,b\n", [["a", "b"]]],
    ['"a,b","c""d"\n', [["a,b", 'c"d']]],
    ['"line1\r\nline2",x\n', [["line1\r\nline2", "x"]]],
    ["a,,c,\n", [["a", "", "c", ""]]],
    ["a\n\nb\n", [["a"], [""], ["b"]]],
    ['ab"c,d\n', [['ab"c', "d"]]],
    ['"x"y,z\n', [["xy", "z"]]],
    ['"",""\n', [["", ""]]],
    ["", []],
    ["客户,金额\n张三,\"1,200\"\n", [["客户", "金额"], ["张三", "1,200"]]],
  ])("%j", (text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  test("an unterminated quote is an error with the record number", () => {
    expect(() => parseCsv('a\nb\n"c,d\n')).toThrow(CsvError);
    expect(() => parseCsv('a\nb\n"c,d\n')).toThrow(/record 3/);
  });

  test("other delimiters", () => {
    expect(sniffDelimiter("a;b;c\n1;2;3")).toBe(";");
    expect(sniffDelimiter("a\tb\n")).toBe("\t");
    expect(sniffDelimiter("a,b;c\n")).toBe(",");
    expect(sniffDelimiter("single\n")).toBe(",");
    expect(parseCsv("a\tb\n1\t2\n", "\t")).toEqual([["a", "b"], ["1", "2"]]);
  });
});

describe("writeCsv", () => {
  test("quotes only what needs quoting, CRLF line ends, and parses back to the same records", () => {
    const records = [
      ["plain", "with,comma", 'with "quote"', "two\nlines", " lead", "trail ", "", "中文，全角逗号"],
      ["=1+1", "-5", "'x", "\r", "a\r\nb", "客户“甲”", "10万", "1,200"],
    ];
    const text = writeCsv(records);
    expect(text.split("\r\n")[0]).toBe('plain,"with,comma","with ""quote""","two\nlines"," lead","trail ",,中文，全角逗号');
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual(records);
    expect(csvField("x")).toBe("x");
  });
});

describe("neutralise", () => {
  test.each([
    ["=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["-", "'-"],
    ["-3万", "'-3万"],
    ["-5", "-5"],
    ["+5", "+5"],
    ["-1.5", "-1.5"],
    ["-1,200.50", "-1,200.50"],
    ["-12.5%", "-12.5%"],
    ["-1e-3", "-1e-3"],
    ["plain", "plain"],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j -> %j", (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });
});

describe("io helpers", () => {
  test("decodeText: BOMs, UTF-8, GB18030 fallback", () => {
    expect(decodeText(Buffer.from("\uFEFF客户", "utf8"))).toEqual({ text: "客户", encoding: "UTF-8" });
    expect(decodeText(Buffer.from("客户", "utf8")).encoding).toBe("UTF-8");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("客户", "utf16le")]))).toEqual({ text: "客户", encoding: "UTF-16LE" });
    expect(decodeText(Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]))).toEqual({ text: "客户", encoding: "GB18030" });
  });

  test("plainValue: numbers, rich text, formulas (cached result), hyperlinks, errors, dates", () => {
    const stats = { noResult: 0 };
    expect(plainValue(5, stats)).toBe(5);
    expect(plainValue({ richText: [{ text: "杭州" }, { text: "云帆" }] }, stats)).toBe("杭州云帆");
    expect(plainValue({ formula: "A1*2", result: 10 }, stats)).toBe(10);
    expect(plainValue({ sharedFormula: "B2", result: "x" }, stats)).toBe("x");
    expect(plainValue({ formula: "NA()", result: { error: "#N/A" } }, stats)).toBe("#N/A");
    expect(plainValue({ formula: "A1" }, stats)).toBeNull();
    expect(stats.noResult).toBe(1);
    expect(plainValue({ text: "link", hyperlink: "http://x" }, stats)).toBe("link");
    expect(plainValue({ error: "#DIV/0!" }, stats)).toBe("#DIV/0!");
    const d = new Date(Date.UTC(2024, 0, 5));
    expect(plainValue(d, stats)).toBe(d);
    expect(plainValue(true, stats)).toBe(true);
  });

  test("cellText, columnLetter, sheetNameFor", () => {
    expect(cellText(new Date(Date.UTC(2024, 0, 5)))).toBe("2024-01-05");
    expect(cellText(new Date(Date.UTC(2024, 0, 5, 13, 30)))).toBe("2024-01-05 13:30:00");
    expect(cellText(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(null)).toBe("");
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(sheetNameFor("a/b:c*d?e[f]g\\h")).toBe("a_b_c_d_e_f_g_h");
    expect(sheetNameFor("x".repeat(40))).toHaveLength(31);
    expect(sheetNameFor("")).toBe("Sheet1");
  });
});
