/** Writes the letter-like table (see letter-like.ts). Run: `node --import tsx bench/letter/gen-letter.ts <out.csv>` */
import { writeLetterLike } from './letter-like.ts';

writeLetterLike(process.argv[2]);
console.log(JSON.stringify({ file: process.argv[2] }));
