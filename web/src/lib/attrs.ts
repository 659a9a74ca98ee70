/**
 * Sets extra attributes on an element (an attachment: `{@attach attrs(a)}`), for names known
 * only at run time such as a test hook `data-metric`. Cheaper in the first download than
 * spreading props onto the element, which pulls in Svelte's whole attribute-spread runtime.
 */
export const attrs =
  (values: Record<string, string | true> | undefined) =>
  (el: Element): void => {
    for (const [name, value] of Object.entries(values ?? {})) el.setAttribute(name, value === true ? '' : value);
  };
