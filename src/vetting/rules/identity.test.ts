import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import {
  documentLowQuality,
  documentVerificationFailed,
  githubYoungerThanCommits,
  inconsistentProfiles,
  koreanLanguage,
  lookalikeReferenceDomain,
  presentsAsKorean,
  profilePhotosDiffer,
  reusedPhoto,
  sharedDocument,
  sparseProfiles,
  stolenIdentity,
  unverifiableWebsite,
} from './identity.js';

const jane = { id: 'w1', names: ['Jane Doe'], claimed_country: 'us' };

testRule(inconsistentProfiles, () => ({
  fires: [rec({ ...jane, profiles: [{ platform: 'linkedin', name: 'Wei Zhang', country: 'us' }] })],
  nearMiss: [rec({ ...jane, profiles: [{ platform: 'linkedin', name: 'DOE, Jane', country: 'United States' }] })],
  says: /linkedin profile is in the name "Wei Zhang"/,
}));

testRule(documentVerificationFailed, () => ({
  fires: [rec({ ...jane, documents: [{ type: 'passport', number: 'X1234567', verification: 'altered' }] })],
  nearMiss: [rec({ ...jane, documents: [{ type: 'passport', number: 'X1234567', verification: 'passed' }] })],
  says: /passport X1234567: altered/,
}));

testRule(documentLowQuality, () => ({
  fires: [rec({ ...jane, documents: [{ type: 'driver_licence', image_quality: 0.2 }] })],
  nearMiss: [rec({ ...jane, documents: [{ type: 'driver_licence', image_quality: 0.45 }] })],
  says: /driver_licence \(0\.2\) is below 0\.4/,
}));

testRule(unverifiableWebsite, () => ({
  fires: [rec({ ...jane, profiles: [{ platform: 'portfolio', url: 'https://janedoe.dev', status: 404 }] })],
  nearMiss: [rec({ ...jane, profiles: [{ platform: 'portfolio', url: 'https://janedoe.dev', status: 200 }] })],
  says: /https:\/\/janedoe\.dev \(404\)/,
}));

testRule(sharedDocument, () => ({
  fires: [rec({ ...jane, documents: [{ type: 'passport', number: 'P 1234 5678', country: 'us' }] }), rec({ id: 'w2', names: ['John Roe'], documents: [{ type: 'passport', number: 'p12345678', country: 'US' }] }, 2)],
  nearMiss: [rec({ ...jane, documents: [{ type: 'passport', number: 'P12345678', country: 'us' }] }), rec({ id: 'w2', names: ['John Roe'], documents: [{ type: 'passport', number: 'P12345678', country: 'gb' }] }, 2)],
  says: /us:P12345678 is also given by w2/,
}));

testRule(reusedPhoto, () => ({
  fires: [rec({ ...jane, photo_hash: 'a1b2c3d4e5f60718' }), rec({ id: 'w2', names: ['John Roe'], photo_hash: 'a1b2c3d4e5f60719' }, 2)],
  nearMiss: [rec({ ...jane, photo_hash: 'a1b2c3d4e5f60718' }), rec({ id: 'w2', names: ['Jane A. Doe'], photo_hash: 'a1b2c3d4e5f60718' }, 2)],
  says: /near-identical to w2 \("John Roe"\), 1 of 64 bits apart/,
}));

testRule(profilePhotosDiffer, () => ({
  fires: [rec({ ...jane, photo_hash: '0000000000000000', profiles: [{ platform: 'github', photo_hash: 'ffffffff00000000' }] })],
  nearMiss: [rec({ ...jane, photo_hash: '0000000000000000', profiles: [{ platform: 'github', photo_hash: '0000000000000003' }] })],
  says: /32 of 64 bits apart/,
}));

testRule(koreanLanguage, () => ({
  fires: [rec({ ...jane, preferred_language: 'ko-KR' })],
  nearMiss: [rec({ ...jane, claimed_country: 'South Korea', preferred_language: 'ko-KR' })],
  says: /preferred language is "ko-KR" while the claimed country is United States/,
}));

testRule(presentsAsKorean, () => ({
  fires: [rec({ ...jane, nationality: 'South Korean' })],
  nearMiss: [rec({ ...jane, nationality: 'Korean', claimed_country: 'KR' })],
  says: /misrepresentation, not ethnicity/,
}));

testRule(stolenIdentity, () => ({
  fires: [rec({ ...jane, identity_check: { e_verify: 'Tentative Nonconfirmation' } })],
  nearMiss: [rec({ ...jane, identity_check: { e_verify: 'employment authorized', stolen_identity: false } })],
  says: /E-Verify returned "tentative nonconfirmation"/,
}));

testRule(lookalikeReferenceDomain, () => ({
  fires: [rec({ ...jane, employment: [{ employer: 'Acme Corp', domain: 'acme.com', reference_email: 'hr@acme-corp.com' }] })],
  nearMiss: [rec({ ...jane, employment: [{ employer: 'Acme Corp', domain: 'https://www.acme.com/', reference_email: 'hr@mail.acme.com' }] })],
  says: /hr@acme-corp\.com for Acme Corp \(real domain acme\.com\)/,
}));

testRule(githubYoungerThanCommits, () => ({
  fires: [rec({ ...jane, profiles: [{ url: 'https://github.com/jdoe', created: '2023-06-01', earliest_commit: '2019-01-15' }] })],
  nearMiss: [rec({ ...jane, profiles: [{ url: 'https://github.com/jdoe', created: '2023-06-01T12:00:00Z', earliest_commit: '2023-06-01T09:00:00Z' }] })],
  says: /created 2023-06-01, earliest commit 2019-01-15/,
}));

testRule(sparseProfiles, () => ({
  fires: [rec({ ...jane, profiles: [{ platform: 'github', created: '2025-05-01', followers: 0, repositories: 1 }] })],
  nearMiss: [rec({ ...jane, profiles: [{ platform: 'github', created: '2025-05-01', followers: 0, repositories: 1 }, { platform: 'linkedin', created: '2014-02-01', followers: 400 }] })],
  says: /under 90 days old/,
}));
