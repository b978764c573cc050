import type { Rng } from './rng.js';

const ROLES = ['software engineer', 'frontend developer', 'backend developer', 'full-stack developer', 'mobile developer', 'data engineer', 'DevOps engineer', 'blockchain developer', 'QA automation engineer', 'machine learning engineer', 'game developer', 'site reliability engineer'];
const TECH = ['React', 'Vue', 'Angular', 'Node.js', 'TypeScript', 'Python', 'Django', 'Flask', 'Go', 'Rust', 'Java', 'Spring', 'Kotlin', 'Swift', 'Flutter', 'PostgreSQL', 'MongoDB', 'Redis', 'Kafka', 'Kubernetes', 'Docker', 'Terraform', 'AWS', 'GCP', 'Azure', 'Solidity', 'GraphQL', 'Elasticsearch', 'Spark', 'PyTorch', 'Unity', 'C#', '.NET', 'Ruby on Rails', 'PHP', 'Laravel', 'Next.js', 'Svelte', 'Ethers.js', 'Hardhat'];
const VERBS = ['Built', 'Designed', 'Led', 'Migrated', 'Rewrote', 'Shipped', 'Maintained', 'Scaled', 'Automated', 'Optimised', 'Refactored', 'Launched', 'Integrated', 'Prototyped', 'Hardened', 'Modernised'];
const ADJ = ['real-time', 'multi-tenant', 'event-driven', 'serverless', 'offline-first', 'high-traffic', 'legacy', 'customer-facing', 'internal', 'cross-platform', 'distributed', 'low-latency', 'mobile', 'analytics', 'payment', 'search'];
const THING = ['checkout flow', 'billing service', 'recommendation engine', 'data pipeline', 'admin dashboard', 'booking system', 'REST API', 'notification service', 'CI/CD pipeline', 'design system', 'smart contract suite', 'reporting module', 'chat feature', 'inventory tracker', 'auth service', 'ETL job', 'trading bot', 'NFT marketplace', 'video player', 'survey tool'];
const DOMAIN = ['a fintech startup', 'an e-commerce retailer', 'a logistics company', 'a healthcare provider', 'a travel platform', 'an edtech company', 'a media publisher', 'a DeFi protocol', 'a SaaS vendor', 'an insurance firm', 'a telecom operator', 'a gaming studio', 'a real-estate portal', 'a nonprofit', 'a bank', 'a marketplace'];
const RESULT = ['cutting load time by {n}%', 'serving {n}k daily users', 'reducing costs by {n}%', 'with {n}% test coverage', 'handling {n}M events a day', 'raising conversion by {n}%', 'across {n} regions', 'for a team of {n} engineers', 'in {n} weeks', 'with zero downtime'];
const SOFT = ['Mentored {n} junior developers.', 'Ran weekly code reviews.', 'Wrote technical documentation for {thing}.', 'Presented at {n} internal tech talks.', 'Coordinated releases with product and design.', 'On-call rotation for {thing}.', 'Interviewed {n} candidates.', 'Contributed to open-source {tech} libraries.'];
const EMPLOYERS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Aperture', 'Wonka', 'Gringotts', 'Monarch', 'Pied Piper', 'Dunder', 'Oscorp', 'Massive', 'Blue Sun', 'Zorg', 'Nakatomi', 'Virtucon', 'Duff'];

function fill(s: string, rng: Rng): string {
  return s
    .replace(/\{n\}/g, () => String(rng.int(2, 95)))
    .replace(/\{thing\}/g, () => `the ${rng.pick(ADJ)} ${rng.pick(THING)}`)
    .replace(/\{tech\}/g, () => rng.pick(TECH));
}

/**
 * A synthetic résumé: a headline and 5–9 achievement lines composed from slot-filled phrases, so
 * that two people's résumés share few word 3-grams (as real ones of one profession mostly do).
 *
 * @example
 * resumeText(new Rng(1), 'Jane Doe');
 */
export function resumeText(rng: Rng, name: string): string {
  const role = rng.pick(ROLES);
  const years = rng.int(2, 18);
  const lines = [`${name}, ${role} with ${years} years of experience in ${rng.pick(TECH)}, ${rng.pick(TECH)} and ${rng.pick(TECH)}.`];
  const jobs = rng.int(2, 4);
  for (let j = 0; j < jobs; j++) {
    const employer = `${rng.pick(EMPLOYERS)} ${rng.pick(['Labs', 'Inc', 'Systems', 'Digital', 'Group', 'Technologies', 'Software', 'Works'])}`;
    const from = 2024 - years + Math.floor((j * years) / jobs);
    lines.push(`${employer} (${from}–${from + rng.int(1, 4)}), ${rng.pick(ROLES)}, ${rng.pick(DOMAIN)}.`);
    const bullets = rng.int(2, 3);
    for (let b = 0; b < bullets; b++) {
      lines.push(`${rng.pick(VERBS)} the ${rng.pick(ADJ)} ${rng.pick(THING)} in ${rng.pick(TECH)} and ${rng.pick(TECH)}, ${fill(rng.pick(RESULT), rng)}.`);
    }
  }
  lines.push(fill(rng.pick(SOFT), rng));
  lines.push(`Education: ${rng.pick(['BSc', 'MSc', 'BEng', 'BA'])} ${rng.pick(['Computer Science', 'Software Engineering', 'Mathematics', 'Information Systems', 'Electrical Engineering', 'Physics'])}, ${2024 - years - rng.int(0, 4)}.`);
  return lines.join('\n');
}

/**
 * A ring member's copy of the ring's résumé template: the name replaced and a share of the words
 * changed (facilitators reuse one polished résumé across personas).
 *
 * @example
 * varyResume(template, 'Ann Lee', 'John Smith', 0.08, rng);
 */
export function varyResume(template: string, templateName: string, name: string, changeShare: number, rng: Rng): string {
  const words = template.replace(templateName, name).split(' ');
  for (let i = 0; i < words.length; i++) {
    if (rng.chance(changeShare)) words[i] = rng.chance(0.5) ? rng.pick(TECH) : String(rng.int(2, 99));
  }
  return words.join(' ');
}

/** A bid / proposal text; ring members reuse the ring's template. */
export function bidText(rng: Rng): string {
  return `Hello, I read your post about the ${rng.pick(ADJ)} ${rng.pick(THING)} and I am confident I can deliver it in ${rng.int(1, 6)} weeks using ${rng.pick(TECH)} and ${rng.pick(TECH)}. I have built a similar ${rng.pick(THING)} for ${rng.pick(DOMAIN)}, ${fill(rng.pick(RESULT), rng)}. ${fill(rng.pick(SOFT), rng)} Let us discuss the details.`;
}
