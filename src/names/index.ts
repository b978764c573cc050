/** Name normalisation for screening: the public surface of src/names. */
export { normaliseText, comparisonText, tokenise, detectScript, repairSpacedApostrophes, type Script } from './normalise.js';
export {
  decomposeSyllable,
  isHangulSyllable,
  romaniseWord,
  romaniseName,
  splitHangulName,
  applyInitialSoundRule,
  type RomanisationScheme,
  type RomanisedName,
} from './hangul.js';
export {
  koreanSyllableKey,
  koreanTokenKeys,
  splitKoreanGivenName,
  isLikelyKoreanName,
  surnameFamily,
  surnameFamilies,
  hangulSurnameFamily,
  parseRomanisedSyllable,
} from './korean-variants.js';
export { hanToPinyin, chineseNameParts, chineseNameForms, pinyinToWadeGiles } from './chinese.js';
export { hanjaNameToHangul } from './hanja.js';
export { toLatin, hangulRomanisations } from './transliterate.js';
export { parsePersonName, personNameForms, personNameKeys, splitParentheticals, type NameOrder, type PersonNameParts } from './name-parts.js';
export { orgNameCore, type OrgNameCore } from './org-names.js';
export { phoneticKeys } from './phonetic.js';
