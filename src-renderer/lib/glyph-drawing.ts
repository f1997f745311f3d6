// The inside of a lucide icon's <svg>, built from the icon's data (the `lucide` package ships each
// icon as a list of [tag, attributes]) once per icon and cloned for every use. LucideGlyph attaches
// it: writing each element out in the template cost a block, a branch and an attribute effect per
// element, some 3 ms for the ~15 icons of the window's first screen.
import type { IconNode } from 'lucide';

const svgNamespace = 'http://www.w3.org/2000/svg';
const drawn = new WeakMap<IconNode, DocumentFragment>();

/** The icon's elements (a copy the caller may insert), drawn in `doc`. */
export function glyphElements(doc: Document, icon: IconNode): DocumentFragment {
  let elements = drawn.get(icon);
  if (!elements) {
    elements = doc.createDocumentFragment();
    for (const [tag, attributes] of icon) {
      const element = doc.createElementNS(svgNamespace, tag);
      for (const [key, value] of Object.entries(attributes)) {
        if (value !== undefined) element.setAttribute(key, String(value));
      }
      elements.append(element);
    }
    drawn.set(icon, elements);
  }
  return elements.cloneNode(true) as DocumentFragment;
}
