/**
 * A count said in a language's own plural forms (Intl.PluralRules: Polish has one, few, many
 * and other; French says "0 article"), the number written as that language writes numbers.
 * `#` in a form stands for the number. Shared by the widget's packs and the server's mails.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function plural(language: string, n: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(language).select(n)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(language).format(n));
}
