// Rewrites the README's parameter table from src/model/params.ts (between its two marker lines).
// Run after changing a parameter: `npm run -s readme:params`.
import { readFileSync, writeFileSync } from 'node:fs';
import { TABLE_BEGIN, TABLE_END, parameterTable } from '../src/cli/paramTable.ts';

const path = new URL('../README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const a = text.indexOf(TABLE_BEGIN);
const b = text.indexOf(TABLE_END);
if (a < 0 || b < a)
  throw new Error(`README.md: the markers ${TABLE_BEGIN} … ${TABLE_END} are missing`);
const next = `${text.slice(0, a + TABLE_BEGIN.length)}\n${parameterTable()}\n${text.slice(b)}`;
writeFileSync(path, next);
console.log(next === text ? 'README.md: the table was up to date' : 'README.md: table rewritten');
