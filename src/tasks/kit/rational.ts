// Exact rational arithmetic (BigInt), the one fraction type of the tasks, with gcd and decimal
// reading/printing: decimal answers are compared as exact rationals, never as floats.

/** An exact rational number in lowest terms with a positive denominator. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    if (den === 0n) throw new RangeError('division by zero');
    if (den === 1n) {
      this.num = num;
      this.den = 1n;
      return;
    }
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = bigGcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static of(value: number | bigint): Rational {
    if (typeof value === 'bigint') return new Rational(value);
    if (!Number.isInteger(value)) throw new RangeError(`Rational.of needs an integer, got ${value}`);
    return new Rational(BigInt(value));
  }

  add(other: Rational): Rational {
    return new Rational(this.num * other.den + other.num * this.den, this.den * other.den);
  }
  sub(other: Rational): Rational {
    return new Rational(this.num * other.den - other.num * this.den, this.den * other.den);
  }
  mul(other: Rational): Rational {
    return new Rational(this.num * other.num, this.den * other.den);
  }
  div(other: Rational): Rational {
    return new Rational(this.num * other.den, this.den * other.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  compare(other: Rational): number {
    const diff = this.num * other.den - other.num * this.den;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
  equals(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  /** `7`, `-3/4`. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Rounded to `places` decimals, halves away from zero, without trailing zeros (`1.5`, `-2`). */
  toDecimal(places: number): string {
    const text = this.toFixed(places);
    return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  }

  /** Rounded to exactly `places` decimals, halves away from zero (`1.50`). */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const negative = this.num < 0n;
    const magnitude = negative ? -this.num : this.num;
    const scaled = (magnitude * scale * 2n + this.den) / (this.den * 2n);
    let digits = scaled.toString();
    if (places > 0) {
      digits = digits.padStart(places + 1, '0');
      digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    }
    return negative && scaled !== 0n ? `-${digits}` : digits;
  }
}

/** `a op b` for op in + - * /, exact; null when either side is null or on a division by zero. */
export function applyArithmetic(op: string, a: Rational | null, b: Rational | null): Rational | null {
  if (a === null || b === null) return null;
  switch (op) {
    case '+':
      return a.add(b);
    case '-':
      return a.sub(b);
    case '*':
      return a.mul(b);
    default:
      return b.isZero() ? null : a.div(b);
  }
}

export function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * An exact rational from a decimal numeral (`-12.50`, `1,234.5`, `1.2e-3`, `.5`); null for anything
 * else. Thousands separators must group by three. Length-capped, so hostile input stays cheap.
 */
export function parseDecimal(text: string): Rational | null {
  let t = text.trim();
  if (t.length === 0 || t.length > 200) return null;
  if (t.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?$/.test(t)) return null;
    t = t.replace(/,/g, '');
  }
  const match = DECIMAL_RE.exec(t);
  if (!match) return null;
  const [, sign, whole, fraction = '', exponentText] = match;
  if (whole.length + fraction.length === 0) return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > 400) return null;
  let num = BigInt(`${whole}${fraction}` || '0');
  let den = 10n ** BigInt(fraction.length);
  if (exponent > 0) num *= 10n ** BigInt(exponent);
  else if (exponent < 0) den *= 10n ** BigInt(-exponent);
  if (sign === '-') num = -num;
  return new Rational(num, den);
}

/** A rational from `3/4`, `-3/4`, a decimal, or an integer; null otherwise. */
export function parseRationalText(text: string): Rational | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) return parseDecimal(t);
  const top = parseDecimal(t.slice(0, slash));
  const bottom = parseDecimal(t.slice(slash + 1));
  if (!top || !bottom || bottom.isZero()) return null;
  return top.div(bottom);
}

/** floor(log10(|value|)) for a non-zero rational, exactly. */
export function decimalExponent(value: Rational): number {
  const num = value.num < 0n ? -value.num : value.num;
  let exponent = num.toString().length - value.den.toString().length;
  // 10^exponent ≤ num/den < 10^(exponent+1), adjusted by at most one step.
  const atLeast = (e: number): boolean =>
    e >= 0 ? num >= value.den * 10n ** BigInt(e) : num * 10n ** BigInt(-e) >= value.den;
  if (!atLeast(exponent)) exponent--;
  else if (atLeast(exponent + 1)) exponent++;
  return exponent;
}

/**
 * `value` rounded to `sig` significant figures as `d.dd…e±X` (Python's `{:.{sig-1}e}` shape, with
 * the exponent unpadded). `halfEven` picks the tie rule; otherwise halves round away from zero.
 */
export function toSignificant(value: Rational, sig: number, halfEven = false): string {
  if (value.isZero()) return `${(0).toFixed(sig - 1)}e+0`;
  let exponent = decimalExponent(value);
  const shift = exponent - sig + 1;
  const scaled = value
    .abs()
    .mul(shift >= 0 ? new Rational(1n, 10n ** BigInt(shift)) : new Rational(10n ** BigInt(-shift)));
  let mantissa = scaled.num / scaled.den;
  const twice = (scaled.num - mantissa * scaled.den) * 2n;
  if (twice > scaled.den || (twice === scaled.den && (!halfEven || mantissa % 2n === 1n))) mantissa++;
  if (mantissa.toString().length > sig) {
    mantissa /= 10n;
    exponent++;
  }
  const digits = mantissa.toString();
  const body = sig > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${value.num < 0n ? '-' : ''}${body}e${exponent >= 0 ? '+' : '-'}${Math.abs(exponent)}`;
}
