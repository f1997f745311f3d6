// GreenCloud's address rules take letters A–Z only (go-playground's alphaspace/alphanumspace are
// ASCII). Accented letters are written the way the API accepts: "Paraná" → "Parana", "São" →
// "Sao", "Straße" → "Strasse". Letters with no ASCII form are left for the rule to name.

const special: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆœŒøØłŁđĐðþÞı]/g, (letter) => special[letter] ?? letter);
}
