/**
 * Sanctions programmes of the DPRK regime, as each source names them: the UN 1718 Committee list
 * (`UN_LIST_TYPE` "DPRK", reference numbers KPi./KPe.) and OFAC's DPRK programme tags.
 */
const DPRK_PROGRAMS = new Set(['UN-DPRK', 'DPRK', 'DPRK2', 'DPRK3', 'DPRK4', 'DPRK-NKSPEA']);

export function isDprkProgram(program: string): boolean {
  return DPRK_PROGRAMS.has(program.toUpperCase());
}
