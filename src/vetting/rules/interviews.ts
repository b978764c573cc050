import type { Interview, WorkerRecord } from '../input/record.js';
import type { SourceDocument } from '../sources.js';
import { SOURCES } from '../sources.js';
import type { Rule, Severity } from './types.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, quote } from './helpers.js';

const CAMERA_REFUSED = /\b(refus|declin|unwilling|would ?n[o']t|won'?t|did ?n[o']t|could ?n[o']t|can'?t|no|without|avoid)\w*\W+(?:\w+\W+){0,4}(camera|video|webcam)|(camera|webcam|video)\W+(?:\w+\W+){0,2}(off|broken|not working|disabled|never on|refused)/i;

/** Whether an interview shows the camera was avoided: `camera_on: false`, or the notes say so. */
function cameraAvoided(i: Interview): boolean {
  if (i.cameraOn === false) return true;
  if (i.cameraOn === true) return false;
  return i.notes !== undefined && CAMERA_REFUSED.test(i.notes);
}

export const cameraAvoidedRule = defineRule({
  id: 'interviews.camera-avoided',
  title: 'Unwilling or unable to be on camera',
  fields: ['interviews.camera_on', 'interviews.notes'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.PSA23,
  seeAlso: [SOURCES.ROK22, SOURCES.G22m],
  evaluate(r) {
    const known = r.interviews.filter((i) => i.cameraOn !== undefined || i.notes);
    if (!known.length) return noData('no interview records');
    const avoided = known.filter(cameraAvoided);
    if (avoided.length) {
      return fired(`The camera stayed off in ${avoided.length} of ${r.interviews.length} interview(s)${avoided.find((i) => i.notes) ? ` (${quote(avoided.find((i) => i.notes)!.notes!, 80)})` : ''}.`);
    }
    return clear(`The camera was on in ${known.filter((i) => i.cameraOn).length} of ${r.interviews.length} interview(s).`);
  },
});

function flagRule(spec: { id: string; title: string; flags: RegExp; notes?: RegExp; severity: Severity; source: SourceDocument; seeAlso?: SourceDocument[] }): Rule<object> {
  return defineRule({
    id: spec.id,
    title: spec.title,
    fields: ['interviews.flags', 'interviews.notes'],
    parameters: {},
    severity: spec.severity,
    source: spec.source,
    ...(spec.seeAlso ? { seeAlso: spec.seeAlso } : {}),
    evaluate(r: WorkerRecord) {
      if (!r.interviews.length) return noData('no interview records');
      const hits = r.interviews.filter((i) => i.flags.some((f) => spec.flags.test(f)) || (spec.notes !== undefined && i.notes !== undefined && spec.notes.test(i.notes)));
      if (!hits.length) return clear(`None of ${r.interviews.length} interview(s) recorded this.`);
      const what = hits.map((i) => [...i.flags.filter((f) => spec.flags.test(f)), ...(i.notes && spec.notes?.test(i.notes) ? [quote(i.notes, 80)] : [])].join(', '));
      return fired(`Interview records note ${listText(what)}.`);
    },
  });
}

export const inPersonAvoided = flagRule({
  id: 'interviews.in-person-avoided',
  title: 'Undue concern about drug tests or meeting in person',
  flags: /in-person-refused|drug-test|avoids-meeting/,
  notes: /\b(refus|avoid|declin|excuse)\w*\W+(?:\w+\W+){0,4}(in[- ]person|meet|office|drug test)/i,
  severity: 'medium',
  source: SOURCES.PSA23,
  seeAlso: [SOURCES.G22m],
});

export const codingTestIrregular = flagRule({
  id: 'interviews.coding-test-irregular',
  title: 'Irregular behaviour in coding tests (stalling, eye-scanning, plausible but wrong answers)',
  flags: /coding-test|stalling|eye-scanning|cheating/,
  severity: 'medium',
  source: SOURCES.PSA23,
});

export const deepfakeSuspected = flagRule({
  id: 'interviews.deepfake-suspected',
  title: 'Face-swap or deepfake suspected in a video interview',
  flags: /deepfake|face-?swap|liveness-fail|ai-video/,
  notes: /\b(deepfake|face[- ]?swap|video glitch\w* when)/i,
  severity: 'high',
  source: SOURCES.PSA25,
});

export const standInInterviewee = flagRule({
  id: 'interviews.stand-in',
  title: 'Someone else attended the interview, or the worker is not the person interviewed',
  flags: /different-person|stand-in|proxy-interview|face-mismatch/,
  severity: 'critical',
  source: SOURCES.PSA24,
});

export const biographyMismatch = flagRule({
  id: 'interviews.biography-mismatch',
  title: 'Biographical data does not fit the applicant',
  flags: /bio-mismatch|age-mismatch|inconsistent-story/,
  severity: 'medium',
  source: SOURCES.G22c,
});
