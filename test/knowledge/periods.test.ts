import { describe, expect, it } from "vitest";
import { normaliseQuestion } from "../../src/knowledge/text/analyze.js";
import { periodGap, periodOf } from "../../src/knowledge/text/periods.js";

const period = (text: string) => periodOf(normaliseQuestion(text));

describe("periods", () => {
  it("reads spans, single months, years and relative periods", () => {
    expect(period("between January and September 2023")).toEqual({ months: new Set(["1-9"]), years: new Set([2023]), relative: new Set() });
    expect(period("in March")).toMatchObject({ months: new Set(["3-3"]) });
    expect(period("last week")).toMatchObject({ relative: new Set(["last week"]) });
    expect(period("how many containers a yr")).toMatchObject({ relative: new Set(["per year"]) });
    expect(period("when is the next conference")).toMatchObject({ relative: new Set(["next"]) });
    expect(period("any upcoming trade fairs")).toMatchObject({ relative: new Set(["next"]) });
    expect(period("the total for the whole yr")).toMatchObject({ relative: new Set(["whole year"]) });
  });

  it("reads may and march as months only where a date is meant", () => {
    expect(period("may i ask what happened").months.size).toBe(0);
    expect(period("announced in may").months).toEqual(new Set(["5-5"]));
  });

  it("does not count a starting point or a comparison as the period", () => {
    expect(period("highest since February 2022")).toEqual({ months: new Set(), years: new Set(), relative: new Set() });
    expect(period("growth vs last yr").relative.size).toBe(0);
    expect(period("trade for the whole of last year").relative).toEqual(new Set(["last year"]));
  });

  it("does not take a count for a year", () => {
    expect(period("2000 containers").years.size).toBe(0);
  });

  it("finds what a fact's period does not state", () => {
    const march = period("In March, a train left");
    const janToSep = period("in the first nine months");
    expect(periodGap(period("in april"), march, 2023)).toBe("april");
    expect(periodGap(period("in march"), march, 2023)).toBeUndefined();
    expect(periodGap(period("in september"), janToSep, 2023)).toBe("september");
    expect(periodGap(period("jan-sep"), janToSep, 2023)).toBeUndefined();
    expect(periodGap(period("in q3"), janToSep, 2023)).toBe("july through september");
    expect(periodGap(period("in 2023"), march, 2023)).toBeUndefined();
    expect(periodGap(period("in 2021"), march, 2023)).toBe("2021");
    expect(periodGap(period("last year"), march, 2023)).toBe("last year");
  });
});
