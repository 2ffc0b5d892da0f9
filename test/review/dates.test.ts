/** Dates as Excel serials and the follow-up schedule: month ends, leap years, year ends, overdue. */
import { addDays, daysBetween, followUpSchedule, isoOf, serialOf, toSerial } from "../../src/engine/review";
import { getBuiltinTemplate } from "../../src/templates";

const iso = (v: unknown) => {
  const r = toSerial(v);
  return r.ok ? isoOf(r.serial) : `bad:${r.text}`;
};
const plus = (d: string, n: number) => {
  const r = toSerial(d);
  if (!r.ok) throw new Error(d);
  return isoOf(r.serial + n);
};

describe("serial dates", () => {
  test("known serials (Excel 1900 system)", () => {
    expect(serialOf(2024, 2, 29)).toBe(45351);
    expect(serialOf(1900, 1, 1)).toBe(1);
    expect(serialOf(1900, 2, 28)).toBe(59);
    expect(serialOf(1900, 3, 1)).toBe(61);
    expect(serialOf(2023, 12, 31)).toBe(45291);
    expect(isoOf(60)).toBe(""); // Excel's fictitious 1900-02-29
    expect(toSerial(60).ok).toBe(false);
  });
  test("leap years, month ends, year ends", () => {
    expect(plus("2024-02-28", 1)).toBe("2024-02-29");
    expect(plus("2024-02-29", 1)).toBe("2024-03-01");
    expect(plus("2023-02-28", 1)).toBe("2023-03-01");
    expect(plus("2023-12-31", 1)).toBe("2024-01-01");
    expect(plus("2024-01-31", 30)).toBe("2024-03-01");
    expect(plus("2024-12-31", 15)).toBe("2025-01-15");
    expect(isoOf(addDays(59, 1))).toBe("1900-03-01"); // across Excel's fictitious 1900-02-29
    expect(daysBetween(59, 61)).toBe(1);
    expect(plus("2100-02-28", 1)).toBe("2100-03-01"); // not a leap year
    expect(plus("2000-02-28", 1)).toBe("2000-02-29"); // a leap year
  });
  test("inputs: serials, Dates (UTC), ISO-like text, Chinese dates; impossible dates refused", () => {
    expect(iso(45351)).toBe("2024-02-29");
    expect(iso(45351.75)).toBe("2024-02-29");
    expect(iso(new Date(Date.UTC(2024, 1, 29)))).toBe("2024-02-29");
    expect(iso("2024/2/29")).toBe("2024-02-29");
    expect(iso("2024.02.29")).toBe("2024-02-29");
    expect(iso("2024年2月29日")).toBe("2024-02-29");
    expect(iso("2024-02-29T23:30:00+08:00")).toBe("2024-02-29");
    expect(iso("2024-02-29 08:00")).toBe("2024-02-29");
    expect(iso("45351")).toBe("2024-02-29");
    expect(iso("2023-02-29")).toBe("bad:2023-02-29");
    expect(iso("2024-13-01")).toBe("bad:2024-13-01");
    expect(iso("next week")).toBe("bad:next week");
    expect(iso(-3)).toBe("bad:-3");
  });
});

describe("follow-up schedule (need-close-5: A 1, B 7, C 15, D 30 days, E none)", () => {
  const t = getBuiltinTemplate("need-close-5")!;
  const today = "2024-03-01";
  const rows: [unknown, unknown][] = [
    ["A", "2024-02-29"], // next 03-01: due today
    ["A", "2024-02-28"], // next 02-29: overdue 1
    ["B", "2024-02-26"], // next 03-04
    ["C", "2024-02-15"], // next 03-01 (15 days across the leap day)
    ["D", serialOf(2024, 1, 31)], // next 03-01
    ["D", "2023-12-31"], // next 2024-01-30: overdue 31 days
    ["E", "2024-01-01"], // no cadence
    ["B", ""], // no date
    ["B", "someday"], // bad date
    ["Q", "2024-01-01"], // unknown grade
    ["", ""], // empty row
    ["", "2024-01-01"], // not graded
    ["B", new Date(Date.UTC(2024, 1, 22))], // next 2024-02-29, overdue 1
  ];
  const out = followUpSchedule(t, rows.map((r) => r[0]), rows.map((r) => r[1]), today);
  test("next contact dates and overdue flags", () => {
    expect(out.map((f) => [f.status, f.next === null ? null : isoOf(f.next), f.overdue, f.daysOverdue])).toEqual([
      ["scheduled", "2024-03-01", false, 0],
      ["scheduled", "2024-02-29", true, 1],
      ["scheduled", "2024-03-04", false, 0],
      ["scheduled", "2024-03-01", false, 0],
      ["scheduled", "2024-03-01", false, 0],
      ["scheduled", "2024-01-30", true, 31],
      ["none", null, false, 0],
      ["noDate", null, false, 0],
      ["error", null, false, 0],
      ["error", null, false, 0],
      ["empty", null, false, 0],
      ["none", null, false, 0],
      ["scheduled", "2024-02-29", true, 1],
    ]);
  });
  test("reasons", () => {
    expect(out[1].reason.en).toBe("A: every 1 day; last contact 2024-02-28 → next 2024-02-29 (overdue by 1 day)");
    expect(out[0].reason.zh).toBe("A：每 1 天；上次联系 2024-02-29 → 下次 2024-03-01（今天到期）");
    expect(out[6].reason.en).toBe("E: no follow-up cadence");
    expect(out[8].reason.en).toBe("'someday' is not a date");
    expect(out[9].reason.en).toBe("unknown grade 'Q'");
  });
  test("grades may be Chinese labels; today may be a serial; a bad today throws", () => {
    const [f] = followUpSchedule(t, ["B"], ["2023-12-31"], serialOf(2024, 1, 8));
    expect(f).toMatchObject({ grade: "B", overdue: true, daysOverdue: 1 });
    expect(() => followUpSchedule(t, [], [], "soon")).toThrow(/not a date/);
  });
});
