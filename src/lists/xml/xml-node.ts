import { collapseWhitespace } from '../../ftm/entity.js';
/** One element of a record: its direct text (entities decoded, CDATA included) and its child elements. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** Line on which the element's start tag ends. */
  line: number;
}

/**
 * Every child element with this name.
 *
 * @example
 * childNodes(individual, 'INDIVIDUAL_ALIAS').length; // 2
 */
export function childNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/**
 * The first child element with this name.
 *
 * @example
 * firstChild(entry, 'vesselInfo')?.line;
 */
export function firstChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/**
 * The texts of every child element with this name, whitespace collapsed, empty ones left out.
 *
 * @example
 * childTexts(nationality, 'VALUE'); // ["Democratic People's Republic of Korea"]
 */
export function childTexts(node: XmlNode | undefined, name: string): string[] {
  return childNodes(node, name)
    .map((c) => cleanText(c.text))
    .filter((t) => t !== '');
}

/**
 * The text of the first non-empty child element with this name, whitespace collapsed.
 *
 * @example
 * childText(individual, 'REFERENCE_NUMBER'); // 'KPi.033'
 */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return childTexts(node, name)[0];
}

/**
 * The text of the first child element with this name, trimmed but otherwise as written (inner
 * whitespace kept), or undefined when that child is missing or blank.
 *
 * @example
 * firstChildText(entry, 'lastName'); // 'KIM'
 */
export function firstChildText(node: XmlNode | undefined, name: string): string | undefined {
  const text = firstChild(node, name)?.text.trim();
  return text ? text : undefined;
}

/**
 * Collapses runs of whitespace (the UN file wraps long values over several lines) and trims.
 *
 * @example
 * cleanText('Korean\n  Committee '); // 'Korean Committee'
 */
export function cleanText(text: string): string {
  return collapseWhitespace(text);
}

/**
 * True when the element and everything below it hold no text: empty placeholders such as
 * `<INDIVIDUAL_DOCUMENT/>` or `<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`.
 *
 * @example
 * isEmptyNode(placeholder); // true
 */
export function isEmptyNode(node: XmlNode): boolean {
  return cleanText(node.text) === '' && node.children.every(isEmptyNode);
}
