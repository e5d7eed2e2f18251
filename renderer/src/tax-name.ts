/**
 * What the country calls its value-added tax on screen and paper: Peru's IGV,
 * Bolivia's IVA (débito fiscal), IVA elsewhere. One place, so the till and the
 * sale detail name the same row the same way.
 */
export function taxNameOf(countryCode: string | undefined): string {
  if (countryCode === 'PE') return 'IGV';
  if (countryCode === 'BO') return 'IVA (débito fiscal)';
  return 'IVA';
}
