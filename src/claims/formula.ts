// A tiny evaluator for the law formulas as displayed ("−min(β−1, 2α)", "−(β−1)/α", "0"), so the
// checkers of the claims (and the truth suite) confirm that the text on screen gives the number beside it.
export function evaluateFormula(text: string, vars: Record<string, number>): number {
  const src = text.replace(/−/g, '-').replace(/\s+/g, '');
  let i = 0;
  const peek = () => src[i];
  const expr = (): number => {
    let v = term();
    while (peek() === '+' || peek() === '-') v = src[i++] === '+' ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = factor();
    for (;;) {
      if (peek() === '*') {
        i++;
        v *= factor();
      } else if (peek() === '/') {
        i++;
        v /= factor();
      } else if (peek() !== undefined && /[0-9(a-zα-ω]/.test(peek())) v *= factor();
      else return v;
    }
  };
  const factor = (): number => {
    const c = peek();
    if (c === '-') {
      i++;
      return -factor();
    }
    if (c === '(') {
      i++;
      const v = expr();
      if (src[i++] !== ')') throw new Error(`')' expected in ${text}`);
      return v;
    }
    if (src.startsWith('min(', i) || src.startsWith('max(', i)) {
      const f = src.startsWith('min(', i) ? Math.min : Math.max;
      i += 4;
      const args = [expr()];
      while (peek() === ',') {
        i++;
        args.push(expr());
      }
      if (src[i++] !== ')') throw new Error(`')' expected in ${text}`);
      return f(...args);
    }
    const num = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    if (c in vars) {
      i++;
      return vars[c];
    }
    throw new Error(`unexpected "${c}" at ${i} in ${text}`);
  };
  const v = expr();
  if (i !== src.length) throw new Error(`trailing text in ${text}`);
  return v;
}
