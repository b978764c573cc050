import { z } from 'zod';
import { algorithmParam, entityExample } from '../params.js';

/** `POST /compare`: two FtM entities (extra keys such as caption or datasets are ignored). */
export const compareBody = z.object({
  left: entityExample,
  right: entityExample,
  algorithm: algorithmParam.default('logic'),
});
