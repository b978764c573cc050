/** The OFAC country lookup under its former name, for code that still imports it from here. */
export { lookupOfacCountry as lookupCountry } from './ofac-countries.js';
