import { z } from 'zod';
import { MAX_CASE_ID } from '../../cases/case.js';
import { numberParam } from '../params.js';

export const incidentParams = z.object({ id: z.string().min(1).max(200).meta({ description: 'incident id (`counterflow incidents`)' }) });

export const caseParams = z.object({ id: numberParam({ min: 1, max: MAX_CASE_ID, int: true }).meta({ description: 'the case id' }) });

export const traceOptions = {
  model: z.enum(['haircut', 'poison', 'fifo']).default('haircut'),
  hops: numberParam({ min: 1, max: 100, int: true }).default(10),
};

export const incidentReportQuerystring = z.object(traceOptions);

export const traceExportQuerystring = z.object({ incident: z.string().min(1).max(200), ...traceOptions });
