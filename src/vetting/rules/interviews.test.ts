import { describe, expect, it } from 'vitest';
import { check, rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { biographyMismatch, cameraAvoidedRule, codingTestIrregular, deepfakeSuspected, inPersonAvoided, standInInterviewee } from './interviews.js';

testRule(cameraAvoidedRule, () => ({
  fires: [rec({ id: 'w1', interviews: [{ camera_on: true }, { camera_on: 'no', notes: 'said the webcam is broken' }] })],
  nearMiss: [rec({ id: 'w1', interviews: [{ camera_on: true, notes: 'camera on, good rapport' }] })],
  says: /camera stayed off in 1 of 2 interview\(s\) \("said the webcam is broken"\)/,
}));

describe('interviews.camera-avoided from notes alone', () => {
  it('reads a refusal in the notes when camera_on is not recorded', () => {
    expect(check(cameraAvoidedRule, [rec({ id: 'w1', interviews: [{ notes: 'Candidate refused to turn on the camera.' }] })]).fired).toBe(true);
    expect(check(cameraAvoidedRule, [rec({ id: 'w1', interviews: [{ notes: 'Discussed the camera module of the app.' }] })]).fired).toBe(false);
  });
});

const flagged = (flags: string[], notes?: string) => [rec({ id: 'w1', interviews: [{ camera_on: true, flags, ...(notes ? { notes } : {}) }] })];

testRule(inPersonAvoided, () => ({ fires: flagged([], 'Refused to come to the office for onboarding'), nearMiss: flagged([], 'Met in person at the office'), says: /Refused to come to the office/ }));
testRule(codingTestIrregular, () => ({ fires: flagged(['coding-test-irregular']), nearMiss: flagged(['strong-communicator']), says: /coding-test-irregular/ }));
testRule(deepfakeSuspected, () => ({ fires: flagged(['face swap']), nearMiss: flagged([], 'asked to pass a hand across the face: no glitches'), says: /face-swap/ }));
testRule(standInInterviewee, () => ({ fires: flagged(['different-person']), nearMiss: flagged(['bio-mismatch']), says: /different-person/ }));
testRule(biographyMismatch, () => ({ fires: flagged(['bio-mismatch']), nearMiss: flagged(['different-person']), says: /bio-mismatch/ }));
