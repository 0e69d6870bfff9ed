/** A decimal figure times 10^places, written without float error: ("426.4", -1) -> "42.64". */
export function shiftDecimal(value: string, places: number): string {
  const [whole = "", fraction = ""] = value.split(".");
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, "0");
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const decimals = digits.slice(point).replace(/0+$/, "");
  return decimals ? `${integer}.${decimals}` : integer;
}
