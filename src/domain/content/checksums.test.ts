import { describe, expect, it } from 'vitest';
import { correspondentAccountOk, innChecksumOk, kppFormatOk, ogrnChecksumOk, settlementAccountOk } from './checksums.js';

// Real numbers of a real bank (ПАО Сбербанк, from its public details) pass; one changed digit fails.
describe('control digits', () => {
  it('checks ИНН of an organisation (10 digits) and of an individual (12 digits)', () => {
    expect(innChecksumOk('7707083893')).toBe(true);
    expect(innChecksumOk('7707083894')).toBe(false);
    expect(innChecksumOk('500100732259')).toBe(true);
    expect(innChecksumOk('500100732258')).toBe(false);
    expect(innChecksumOk('500100732250')).toBe(false); // first control digit right, second wrong
    expect(innChecksumOk('77070838')).toBe(false);
  });

  it('checks ОГРН (13 digits, mod 11) and ОГРНИП (15 digits, mod 13)', () => {
    expect(ogrnChecksumOk('1027700132195')).toBe(true);
    expect(ogrnChecksumOk('1027700132196')).toBe(false);
    expect(ogrnChecksumOk('304500116000157')).toBe(true);
    expect(ogrnChecksumOk('304500116000158')).toBe(false);
    expect(ogrnChecksumOk('10277001321')).toBe(false);
  });

  it('checks the accounts against the БИК', () => {
    expect(correspondentAccountOk('044525225', '30101810400000000225')).toBe(true);
    expect(correspondentAccountOk('044525225', '30101810400000000226')).toBe(false);
    expect(correspondentAccountOk('044525974', '30101810400000000225')).toBe(false); // another bank's БИК
    expect(settlementAccountOk('044525225', '40702810938000000001')).toBe(true);
    expect(settlementAccountOk('044525225', '40702810938000000002')).toBe(false);
    expect(settlementAccountOk('044525225', '4070281093800000000')).toBe(false);
  });

  it('checks the КПП format (the reason code may have letters)', () => {
    expect(kppFormatOk('773601001')).toBe(true);
    expect(kppFormatOk('7736AB001')).toBe(true);
    expect(kppFormatOk('77360100')).toBe(false);
    expect(kppFormatOk('77360100A')).toBe(false);
  });
});
