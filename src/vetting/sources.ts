/**
 * The documents the vetting rules cite. Tags follow the domain brief (docs/vetting.md lists them):
 * G22 = US State/Treasury/FBI guidance of 16 May 2022 (G22p: its red flags for freelance and payment
 * platforms, G22c: for companies hiring freelancers, G22m: its mitigation measures, G22f: its fact
 * sheet). `status` says whether the rule was written from the primary text or from secondary
 * reporting of it.
 */
export interface SourceDocument {
  tag: string;
  document: string;
  date: string;
  url: string;
  status: 'primary' | 'secondary';
}

const G22_URL = 'https://ofac.treasury.gov/media/923126/download?inline';

export const SOURCES = {
  G22p: { tag: 'G22p', document: 'US State, Treasury and FBI, "Guidance on the DPRK Information Technology Workers": red flags for freelance and payment platforms', date: '2022-05-16', url: G22_URL, status: 'primary' },
  G22c: { tag: 'G22c', document: 'US State, Treasury and FBI, "Guidance on the DPRK Information Technology Workers": red flags for companies hiring freelance developers', date: '2022-05-16', url: G22_URL, status: 'primary' },
  G22m: { tag: 'G22m', document: 'US State, Treasury and FBI, "Guidance on the DPRK Information Technology Workers": due diligence and mitigation measures', date: '2022-05-16', url: G22_URL, status: 'primary' },
  G22: { tag: 'G22', document: 'US State, Treasury and FBI, "Guidance on the DPRK Information Technology Workers" (advisory text and fact sheet)', date: '2022-05-16', url: G22_URL, status: 'primary' },
  ROK22: { tag: 'ROK22', document: 'Republic of Korea joint advisory on DPRK IT workers (MOFA, MSIT, Unification, Employment & Labor, FTC, NPA, NIS)', date: '2022-12-08', url: 'https://en.yna.co.kr/view/AEN20221208002351325', status: 'secondary' },
  PSA23: { tag: 'PSA23', document: 'US–ROK joint PSA "Additional Guidance on the Democratic People\'s Republic of Korea Information Technology Workers" (PSA231018)', date: '2023-10-18', url: 'https://www.ic3.gov/PSA/2023/PSA231018', status: 'primary' },
  PSA24: { tag: 'PSA24', document: 'FBI PSA "North Korea Leverages U.S.-Based Individuals to Defraud U.S. Businesses and Generate Revenue" (PSA240516)', date: '2024-05-16', url: 'https://www.ic3.gov/PSA/2024/PSA240516', status: 'primary' },
  OFSI24: { tag: 'OFSI24', document: 'UK OFSI advisory "North Korea IT workers"', date: '2024-09-12', url: 'https://www.gov.uk/government/publications/north-korea-it-workers-advisory', status: 'secondary' },
  PSA25: { tag: 'PSA25', document: 'FBI PSA "North Korean IT Workers Conducting Data Extortion" (I-012325-PSA)', date: '2025-01-23', url: 'https://www.ic3.gov/PSA/2025/PSA250123', status: 'primary' },
  SEAL: { tag: 'SEAL', document: 'Security Alliance (SEAL) Frameworks, "Insider threats / DPRK IT workers"', date: '2025', url: 'https://frameworks.securityalliance.org/', status: 'primary' },
  MSFT25: { tag: 'MSFT25', document: 'Microsoft Defender Experts on Jasper Sleet: one device completing MFA for several accounts', date: '2025-12-18', url: 'https://www.microsoft.com/en-us/security/blog/', status: 'secondary' },
} as const satisfies Record<string, SourceDocument>;

export type SourceTag = keyof typeof SOURCES;
