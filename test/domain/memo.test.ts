import { Cell } from "../../src/domain/cells";
import { perDistinctTexts, perDistinctValue } from "../../src/domain/memo";
import { readQuantity } from "../../src/domain/quantity";
import { readStatus } from "../../src/domain/status";

describe("per-run caches of the cell readers", () => {
  it("read each distinct value once and answer as the reader does", () => {
    const calls: (Cell | undefined)[] = [];
    const read = perDistinctValue((c) => {
      calls.push(c);
      return readQuantity(c);
    });
    const cells: (Cell | undefined)[] = ["25", 25, "25", 25, "1,000", "", null, undefined, { error: "#N/A" }, true, "x", -0, 0];
    for (const c of [...cells, ...cells]) expect(read(c)).toEqual(readQuantity(c));
    // "25" and 25 are different cells; null, undefined and errors are read every time; -0 and 0 read the same.
    expect(calls.filter((c) => c === "25")).toHaveLength(1);
    expect(calls.filter((c) => c === 25)).toHaveLength(1);
    expect(calls.filter((c) => c === null)).toHaveLength(2);
    expect(calls.filter((c) => Object.is(c, 0) || Object.is(c, -0))).toHaveLength(1);
  });

  it("keep a reader's null answer (an unknown status) instead of reading again", () => {
    let calls = 0;
    const read = perDistinctValue((c) => {
      calls++;
      return readStatus(c);
    });
    expect(read("Blah")).toBeNull();
    expect(read("Blah")).toBeNull();
    expect(read("Active")).toBe(readStatus("Active"));
    expect(calls).toBe(2);
  });

  it("key several texts without confusing where one ends and the next begins", () => {
    let calls = 0;
    const join = perDistinctTexts((a, b, c) => {
      calls++;
      return `${a}|${b}|${c}`;
    });
    expect(join("ab", "c", "")).toBe("ab|c|");
    expect(join("a", "bc", "")).toBe("a|bc|");
    expect(join("a\u0000b", "", "")).toBe("a\u0000b||");
    expect(join("a", "b", "")).toBe("a|b|");
    expect(join("ab", "c", "")).toBe("ab|c|");
    expect(calls).toBe(4);
  });
});
