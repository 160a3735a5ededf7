/**
 * Input checks shared by the models: a value outside a model's domain throws a RangeError naming the
 * field (the evaluator turns it into a failed design; it never becomes a NaN downstream).
 */
export function positive(name: string, v: number): void {
  if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`${name} must be a finite number > 0, got ${v}`);
}

export function nonNegative(name: string, v: number): void {
  if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`${name} must be a finite number ≥ 0, got ${v}`);
}
