/**
 * A very small XML writer: elements, attributes and text, nothing else (no comments, CDATA,
 * processing instructions or raw markup), so every piece of data passes through the escapers.
 */

/**
 * Everything outside XML 1.0's `Char` production: the C0 controls but tab, newline and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. (With the `u` flag a surrogate pair
 * is one code point in the allowed astral range, a lone surrogate is not.)
 */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 cannot represent at all, even as character references. */
export function stripIllegalXmlChars(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, "");
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // A bare CR would be turned into LF by every parser; as a reference it survives.
  "\r": "&#13;",
};

// In attributes whitespace characters are normalized to spaces unless written as references.
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, "\t": "&#9;", "\n": "&#10;" };

/** Text content: illegal characters dropped, & < > " ' (and CR) escaped. */
export function escapeXmlText(value: string): string {
  return stripIllegalXmlChars(value).replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** An attribute value (written between double quotes): as text, plus tab and newline. */
export function escapeXmlAttribute(value: string): string {
  return stripIllegalXmlChars(value).replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

export interface XmlElement {
  name: string;
  /** Attributes in order; undefined and null values are left out. */
  attributes: [string, string | null | undefined][];
  children: XmlNode[];
}

/** A string child is text, escaped on output. */
export type XmlNode = XmlElement | string;

// Names are chosen by code, never by data; this catches a typo or misuse early.
const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*(:[A-Za-z_][A-Za-z0-9._-]*)?$/;

function checkName(name: string): string {
  if (!XML_NAME.test(name)) throw new Error(`Not an XML name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * An element. `attributes` is an object (its key order is kept) whose undefined/null values are
 * skipped; children that are null, undefined or false are skipped too, and arrays are flattened,
 * so optional parts can be written inline.
 */
export function el(
  name: string,
  attributes: Record<string, string | null | undefined> | null = null,
  ...children: (XmlNode | XmlNode[] | null | undefined | false)[]
): XmlElement {
  return {
    name: checkName(name),
    attributes: Object.entries(attributes ?? {}).map(([key, value]) => [checkName(key), value]),
    children: children.flat().filter((child): child is XmlNode => child !== null && child !== undefined && child !== false),
  };
}

/**
 * Serializes a node. Elements whose children are all elements are indented (`indent` is the
 * current depth's, `null` writes everything on one line); an element with any text child is
 * written on one line, so indentation never adds to a text's value.
 */
export function renderNode(node: XmlNode, indent: string | null = ""): string {
  if (typeof node === "string") return escapeXmlText(node);
  const attributes = node.attributes
    .filter((pair): pair is [string, string] => pair[1] !== null && pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join("");
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  if (indent === null || node.children.some((child) => typeof child === "string")) {
    return `<${node.name}${attributes}>${node.children.map((child) => renderNode(child, null)).join("")}</${node.name}>`;
  }
  const inner = `${indent}  `;
  const children = node.children.map((child) => `\n${inner}${renderNode(child, inner)}`).join("");
  return `<${node.name}${attributes}>${children}\n${indent}</${node.name}>`;
}

/** A complete UTF-8 document: the XML declaration and the root element. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderNode(root)}\n`;
}
