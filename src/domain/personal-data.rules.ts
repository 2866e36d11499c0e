// Personal data in public text: e-mail addresses and phone numbers that people write into texts the
// register publishes (a commitment's full text, an evidence summary). One detector, used wherever a
// public text is taken in.

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

// A run that may be a phone number: an optional +country code and (area code), then groups of digits
// separated by one . - or / or by spaces. Whether it is one is decided by `isPhone`.
const PHONE_RUN =
  /(?<![\w@/+.])(?:(?:\+[ \t]?\d{1,4}(?:[ \t]*\(\d{1,5}\))?|\(\d{1,5}\))(?:[ \t]{1,2}|[.\-/]|[ \t]-[ \t])?)?\d+(?:(?:[.\-/]|[ \t]-[ \t]|[ \t]{1,2})\d+)*/g;

/** Does the run hold a date written with . - or / (1/3/2019, 01.03.19, 2019-03-01)? */
function holdsDate(run: string): boolean {
  for (const m of run.matchAll(/(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/g)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12)) return true;
  }
  for (const m of run.matchAll(/(?<!\d)\d{4}([./-])(\d{1,2})\1(\d{1,2})(?!\d)/g)) {
    const [month, day] = [Number(m[2]), Number(m[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return true;
  }
  return false;
}

function isPhone(run: string, next: string): boolean {
  if (/[\w@%]/.test(next)) return false;
  const digits = run.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (run.startsWith('+')) return true;
  const groups = run.match(/\d+/g) ?? [];
  if (groups.length < 2) return false; // a plain number: a budget, an amount
  if (groups.every((group) => /^(19|20)\d{2}$/.test(group))) return false; // years: 2016-2018
  if (holdsDate(run)) return false;
  if (/^[1-9]\d{0,2}([ .])\d{3}(?:\1\d{3})*$/.test(run)) return false; // 250 000 000, 1.500.000
  if (/^\d+\.\d+$/.test(run)) return false; // a decimal number
  return run.startsWith('(') || digits.length >= 9;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Takes e-mail addresses and phone numbers out of a public text: each is replaced by
 * "[e-mail removed]" or "[phone removed]" and returned apart (once each, in order of appearance).
 * Years and year ranges, dates, amounts and plain numbers are not phone numbers.
 */
export function redactContacts(text: string): { text: string; emails: string[]; phones: string[] } {
  const emails: string[] = [];
  const withoutEmails = text.replace(EMAIL, (email) => {
    emails.push(email);
    return '[e-mail removed]';
  });
  const phones: string[] = [];
  const redacted = withoutEmails.replace(PHONE_RUN, (run: string, offset: number, whole: string) => {
    if (!isPhone(run, whole.charAt(offset + run.length))) return run;
    phones.push(run);
    return '[phone removed]';
  });
  return { text: redacted, emails: unique(emails), phones: unique(phones) };
}
