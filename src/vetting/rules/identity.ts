import { SOURCES } from '../sources.js';
import { hammingDistance } from '../links/photo-index.js';
import { clear, defineRule, fired, noData } from './define.js';
import { agreesWithAny, country, DAY_MS, listText, quote } from './helpers.js';

export const inconsistentProfiles = defineRule({
  id: 'identity.inconsistent-profiles',
  title: 'Name or location differs across profiles and documents',
  fields: ['names', 'aliases', 'claimed_country', 'profiles.name', 'profiles.country', 'documents.name'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22, SOURCES.PSA23, SOURCES.PSA25],
  evaluate(r) {
    const known = [...r.names, ...r.aliases];
    const checked: string[] = [];
    const problems: string[] = [];
    for (const p of r.profiles) {
      if (p.name && known.length) {
        checked.push(`${p.platform} name`);
        if (!agreesWithAny(p.name, known)) problems.push(`the ${p.platform} profile is in the name ${quote(p.name)}`);
      }
      if (p.country && r.claimedCountry) {
        checked.push(`${p.platform} location`);
        if (p.country !== r.claimedCountry) problems.push(`the ${p.platform} profile gives ${country(p.country)}`);
      }
    }
    for (const d of r.documents) {
      if (d.name && known.length) {
        checked.push(`${d.type} name`);
        if (!agreesWithAny(d.name, known)) problems.push(`the ${d.type} is in the name ${quote(d.name)}`);
      }
    }
    if (!checked.length) return noData('no profile or document names or locations to compare');
    const who = `the record's ${known.length ? `name ${quote(known[0]!)}` : 'names'}${r.claimedCountry ? ` and claimed country ${country(r.claimedCountry)}` : ''}`;
    if (problems.length) return fired(`Compared with ${who}: ${listText(problems, 4)}.`);
    return clear(`${listText(checked, 4)} agree with ${who}.`);
  },
});

const FAILED_VERIFICATION = /^(fail|failed|altered|forged|fake|fraud|rejected|tampered|mismatch|manipulated|photoshopped|suspicious)/;

export const documentVerificationFailed = defineRule({
  id: 'identity.document-verification-failed',
  title: 'Identity document failed verification (forged or altered)',
  fields: ['documents.verification'],
  parameters: {},
  severity: 'high',
  source: SOURCES.G22,
  seeAlso: [SOURCES.ROK22, SOURCES.PSA24],
  evaluate(r) {
    const verified = r.documents.filter((d) => d.verification);
    if (!verified.length) return noData('no document verification results');
    const bad = verified.filter((d) => FAILED_VERIFICATION.test(d.verification!));
    if (bad.length) return fired(`Document verification reported ${listText(bad.map((d) => `${d.type} ${d.number ?? ''}: ${d.verification}`.replace(/ :/, ':')))}.`);
    return clear(`${verified.length} document(s) passed verification (${listText(verified.map((d) => `${d.type}: ${d.verification}`))}).`);
  },
});

export const documentLowQuality = defineRule({
  id: 'identity.document-low-quality',
  title: 'Low-quality identity document image',
  fields: ['documents.image_quality'],
  parameters: { minQuality: 0.4 },
  severity: 'low',
  source: SOURCES.G22m,
  evaluate(r, _ctx, p) {
    const scored = r.documents.filter((d) => d.imageQuality !== undefined);
    if (!scored.length) return noData('no document image quality scores');
    const low = scored.filter((d) => d.imageQuality! < p.minQuality);
    if (low.length) return fired(`Image quality of ${listText(low.map((d) => `${d.type} (${d.imageQuality})`))} is below ${p.minQuality}.`);
    return clear(`Document image quality is at least ${p.minQuality} (${listText(scored.map((d) => `${d.type} ${d.imageQuality}`))}).`);
  },
});

export const unverifiableWebsite = defineRule({
  id: 'identity.unverifiable-website',
  title: 'Defunct or unverifiable website given at sign-up',
  fields: ['profiles.url', 'profiles.status'],
  parameters: {},
  severity: 'low',
  source: SOURCES.G22m,
  seeAlso: [SOURCES.G22c],
  evaluate(r) {
    const checked = r.profiles.filter((p) => p.status !== undefined);
    if (!checked.length) return noData('no reachability checks of the given websites');
    const dead = checked.filter((p) => /^(defunct|unreachable|dead|down|nxdomain|error|parked)/.test(p.status!) || (/^\d{3}$/.test(p.status!) && Number(p.status) >= 400));
    if (dead.length) return fired(`${listText(dead.map((p) => `${p.url ?? p.platform} (${p.status})`))} could not be verified.`);
    return clear(`${checked.length} given website(s) answered (${listText(checked.map((p) => `${p.url ?? p.platform}: ${p.status}`))}).`);
  },
});

export const sharedDocument = defineRule({
  id: 'identity.shared-document',
  title: 'Same identity document used by several accounts',
  fields: ['documents.number', 'documents.country'],
  parameters: {},
  severity: 'critical',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22m, SOURCES.PSA25],
  evaluate(r, ctx) {
    if (!r.documents.some((d) => d.number)) return noData('no document numbers');
    const me = ctx.indexOf(r);
    const shared = ctx.graph.groupsOf(me).filter((g) => g.kind === 'document');
    if (!shared.length) return clear('No other record uses these document numbers.');
    const others = [...new Set(shared.flatMap((g) => g.members.filter((m) => m !== me)))].map((m) => ctx.graph.ids[m]!);
    return fired(`Document ${listText(shared.map((g) => ctx.graph.valueOf(g)))} is also given by ${listText(others)}.`, { related: others });
  },
});

export const reusedPhoto = defineRule({
  id: 'identity.reused-photo',
  title: 'Photo near-identical to another record under another name',
  fields: ['photo_hash', 'profiles.photo_hash', 'documents.image_hash', 'names'],
  parameters: {},
  severity: 'high',
  source: SOURCES.PSA23,
  seeAlso: [SOURCES.G22],
  evaluate(r, ctx) {
    if (!r.photoHash && !r.profiles.some((p) => p.photoHash) && !r.documents.some((d) => d.imageHash)) return noData('no photo hashes');
    const me = ctx.indexOf(r);
    const matches = ctx.graph.similarOf(me).filter((s) => s.kind === 'photo');
    const otherNamed = matches.filter((s) => {
      const other = ctx.records[s.a === me ? s.b : s.a]!;
      const mine = [...r.names, ...r.aliases];
      const theirs = [...other.names, ...other.aliases];
      return !mine.length || !theirs.length || !theirs.some((n) => agreesWithAny(n, mine));
    });
    if (!otherNamed.length) {
      return clear(matches.length ? `The photo matches ${matches.length} record(s), all under the same name (duplicate accounts, not reuse).` : 'No other record has a near-identical photo.');
    }
    const related = otherNamed.map((s) => ctx.graph.ids[s.a === me ? s.b : s.a]!);
    const details = otherNamed.map((s) => {
      const other = ctx.records[s.a === me ? s.b : s.a]!;
      return `${other.id}${other.names[0] ? ` (${quote(other.names[0])})` : ''}, ${s.distance} of 64 bits apart`;
    });
    return fired(`The photo is near-identical to ${listText(details)}.`, { related });
  },
});

export const profilePhotosDiffer = defineRule({
  id: 'identity.profile-photos-differ',
  title: 'Profiles of one identity show different people',
  fields: ['photo_hash', 'profiles.photo_hash'],
  parameters: { minDistance: 20 },
  severity: 'medium',
  source: SOURCES.PSA23,
  evaluate(r, _ctx, p) {
    const hashes = [...(r.photoHash ? [{ where: 'record photo', hash: r.photoHash }] : []), ...r.profiles.filter((x) => x.photoHash).map((x) => ({ where: `${x.platform} photo`, hash: x.photoHash! }))];
    if (hashes.length < 2) return noData('fewer than two photos to compare');
    let worst = { a: '', b: '', d: 0 };
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        const d = hammingDistance(hashes[i]!.hash, hashes[j]!.hash);
        if (d > worst.d) worst = { a: hashes[i]!.where, b: hashes[j]!.where, d };
      }
    }
    if (worst.d >= p.minDistance) return fired(`The ${worst.a} and the ${worst.b} are ${worst.d} of 64 bits apart (different pictures).`);
    return clear(`The ${hashes.length} photos are at most ${worst.d} of 64 bits apart (the same picture).`);
  },
});

const KOREAN_LANGUAGE = /^(ko|kor|korean|한국어|조선어|조선말|hangul)([-_](kr|kp))?$/i;

export const koreanLanguage = defineRule({
  id: 'identity.korean-language',
  title: 'Prefers Korean while claiming a non-Korean-speaking country',
  fields: ['preferred_language', 'messages', 'claimed_country'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.PSA23,
  evaluate(r) {
    if (!r.claimedCountry) return noData('no claimed country');
    if (r.claimedCountry === 'kr' || r.claimedCountry === 'kp') return clear(`The claimed country is ${country(r.claimedCountry)}, where Korean is spoken.`);
    const hangulMessages = r.messages.filter((m) => /[\uac00-\ud7a3]{2,}/.test(m));
    if (!r.preferredLanguage && !r.messages.length) return noData('no language preference or messages');
    const korean = r.preferredLanguage !== undefined && KOREAN_LANGUAGE.test(r.preferredLanguage.trim());
    if (korean || hangulMessages.length) {
      const why = [korean ? `the preferred language is ${quote(r.preferredLanguage!)}` : '', hangulMessages.length ? `${hangulMessages.length} message(s) are written in Hangul` : ''].filter(Boolean);
      return fired(`${listText(why)} while the claimed country is ${country(r.claimedCountry)}.`.replace(/^./, (c) => c.toUpperCase()));
    }
    return clear(`The preferred language${r.preferredLanguage ? ` ${quote(r.preferredLanguage)}` : ''} and messages are not Korean.`);
  },
});

export const presentsAsKorean = defineRule({
  id: 'identity.presents-as-korean',
  title: 'Presents as (South) Korean while living elsewhere (weak on its own)',
  fields: ['nationality', 'claimed_country'],
  parameters: {},
  severity: 'info',
  source: SOURCES.G22,
  evaluate(r) {
    if (!r.nationality) return noData('no nationality');
    if (r.nationality !== 'kr') return clear(`The nationality given is ${country(r.nationality)}.`);
    if (r.claimedCountry === 'kr') return clear('A Korean national who claims to live in South Korea.');
    return fired(
      `The nationality given is Korean while the claimed country is ${country(r.claimedCountry)}; the advisory names this presentation, but on its own it says nothing about a person (look for misrepresentation, not ethnicity).`,
    );
  },
});

const BAD_EVERIFY = /^(tnc|fnc|tentative|final|non-?confirm|mismatch|not[-_ ]authori[sz]ed|unauthori[sz]ed|fail)/;

export const stolenIdentity = defineRule({
  id: 'identity.stolen-identity',
  title: 'Identity reported stolen, synthetic, or not confirmed by E-Verify',
  fields: ['identity_check.stolen_identity', 'identity_check.e_verify'],
  parameters: {},
  severity: 'critical',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.G22],
  evaluate(r) {
    const c = r.identityCheck;
    if (!c || (c.stolenIdentity === undefined && c.eVerify === undefined)) return noData('no identity check results');
    const why: string[] = [];
    if (c.stolenIdentity) why.push('the identity check reports a stolen or synthetic identity');
    if (c.eVerify && BAD_EVERIFY.test(c.eVerify)) why.push(`E-Verify returned ${quote(c.eVerify)}`);
    if (why.length) return fired(`${listText(why)}.`.replace(/^./, (x) => x.toUpperCase()));
    return clear(`Identity checks passed${c.eVerify ? ` (E-Verify ${quote(c.eVerify)})` : ''}.`);
  },
});

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function registrable(domain: string): string {
  const parts = domain.toLowerCase().replace(/\.$/, '').split('.');
  return parts.slice(-2).join('.');
}

export const lookalikeReferenceDomain = defineRule({
  id: 'identity.lookalike-reference-domain',
  title: "Employment reference e-mail on a look-alike of the employer's domain",
  fields: ['employment.domain', 'employment.reference_email'],
  parameters: { maxEdits: 2 },
  severity: 'medium',
  source: SOURCES.G22,
  evaluate(r, _ctx, p) {
    const pairs = r.employment.filter((e) => e.domain && e.referenceEmail?.includes('@'));
    if (!pairs.length) return noData('no employer domains with reference e-mails');
    const lookalikes: string[] = [];
    for (const e of pairs) {
      const real = registrable(e.domain!.replace(/^https?:\/\//, '').split('/')[0]!);
      const given = registrable(e.referenceEmail!.split('@')[1]!);
      if (given === real) continue;
      const label = (d: string) => d.split('.')[0]!;
      const close = editDistance(label(given), label(real)) <= p.maxEdits || label(given).includes(label(real)) || label(real).includes(label(given));
      if (close) lookalikes.push(`${e.referenceEmail} for ${e.employer ?? real} (real domain ${real})`);
    }
    if (lookalikes.length) return fired(`Reference contact ${listText(lookalikes)} uses a look-alike domain.`);
    return clear(`Reference e-mails use the employers' own domains or unrelated ones (${pairs.length} checked).`);
  },
});

export const githubYoungerThanCommits = defineRule({
  id: 'identity.github-younger-than-commits',
  title: 'GitHub account created after its own earliest commits',
  fields: ['profiles.created', 'profiles.earliest_commit'],
  parameters: { toleranceDays: 1 },
  severity: 'high',
  source: SOURCES.SEAL,
  evaluate(r, _ctx, p) {
    const gh = r.profiles.filter((x) => (x.platform === 'github' || x.platform === 'gitlab') && x.createdAt !== undefined && x.earliestCommitAt !== undefined);
    if (!gh.length) return noData('no code-hosting profile with both creation and earliest-commit dates');
    const aged = gh.filter((x) => x.earliestCommitAt! < x.createdAt! - p.toleranceDays * DAY_MS);
    const describe = (x: (typeof gh)[number]) =>
      `${x.handle ?? x.url ?? x.platform} (created ${new Date(x.createdAt!).toISOString().slice(0, 10)}, earliest commit ${new Date(x.earliestCommitAt!).toISOString().slice(0, 10)})`;
    if (aged.length) return fired(`The account ${listText(aged.map(describe))} has commits older than itself: copied or back-dated history.`);
    return clear(`Commits start after account creation: ${listText(gh.map(describe))}.`);
  },
});

const DEV_PLATFORMS = new Set(['github', 'gitlab', 'linkedin', 'stackoverflow', 'npm']);

export const sparseProfiles = defineRule({
  id: 'identity.sparse-profiles',
  title: 'Only new, nearly empty developer profiles',
  fields: ['profiles.created', 'profiles.followers', 'profiles.repositories'],
  parameters: { maxAgeDays: 90, maxFollowers: 3, maxRepositories: 3 },
  severity: 'low',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22],
  evaluate(r, ctx, p) {
    const dev = r.profiles.filter((x) => DEV_PLATFORMS.has(x.platform) && x.createdAt !== undefined);
    if (!dev.length) return noData('no developer profiles with creation dates');
    const sparse = dev.filter((x) => ctx.now - x.createdAt! < p.maxAgeDays * DAY_MS && (x.followers ?? 0) <= p.maxFollowers && (x.repositories ?? 0) <= p.maxRepositories);
    if (sparse.length === dev.length) return fired(`Every developer profile (${listText(dev.map((x) => x.platform))}) is under ${p.maxAgeDays} days old with at most ${p.maxFollowers} followers and ${p.maxRepositories} repositories.`);
    return clear(`${dev.length - sparse.length} of ${dev.length} developer profiles are established.`);
  },
});
