/**
 * A small listed-entity fixture for the screening unit tests, modelled on real UN and OFAC
 * entries (names, aliases, dates and numbers as those lists publish them), built with the same
 * EntityBuilder the parsers use.
 */
import { EntityBuilder, type FtmEntity, type Provenance } from '../ftm/entity.js';

function entry(list: string, entryId: string, programs: string[]): Provenance {
  return { list, entryId, programs, publishedAt: '2026-02-27', file: 'fixture', line: 1 };
}

function make(
  schema: string,
  id: string,
  list: string,
  props: Record<string, string | string[]>,
  provenance: Provenance,
  target = true,
): FtmEntity {
  const b = new EntityBuilder(schema, id, list);
  for (const [k, v] of Object.entries(props)) b.add(k, v);
  b.target = target;
  b.provenance = provenance;
  return b.build();
}

/**
 * The fixture: persons, organisations, a vessel, wallets and helper entities.
 *
 * @example
 * const screener = Screener.build(fixtureEntities());
 */
export function fixtureEntities(): FtmEntity[] {
  const kimJongUn = entry('us_ofac_sdn', '20157', ['DPRK3']);
  const riPyongChulUn = entry('un_sc', 'KPi.076', ['UN-DPRK']);
  const riPyongCholOfac = entry('us_ofac_sdn', '23215', ['DPRK2']);
  const kimCholSam = entry('un_sc', 'KPi.035', ['UN-DPRK']);
  const kimJongSik = entry('un_sc', 'KPi.013', ['UN-DPRK']);
  const kimSangMan = entry('us_ofac_sdn', '43377', ['DPRK4']);
  const komid = entry('un_sc', 'KPe.001', ['UN-DPRK']);
  const belletech = entry('us_ofac_sdn', '90001', ['SDGT']);
  const vessel = entry('us_ofac_sdn', '44000', ['DPRK4']);
  const tianYinyin = entry('us_ofac_sdn', '28265', ['CYBER2', 'DPRK3']);
  const gaston = entry('un_sc', 'CDi.001', ['UN-DRC']);
  return [
    make('Person', 'ofac-20157', 'us_ofac_sdn', { name: 'KIM, Jong Un', lastName: 'KIM', firstName: 'Jong Un', birthDate: '1984-01-08', nationality: 'kp', gender: 'male' }, kimJongUn),
    make('Sanction', 'ofac-20157-sanction', 'us_ofac_sdn', { entity: 'ofac-20157', authority: 'Office of Foreign Assets Control', program: 'DPRK3' }, kimJongUn, false),
    make('Person', 'un-6908654', 'un_sc', { name: 'RI PYONG CHUL', alias: ['Ri Pyo’ng-ch’o’l', 'Ri Pyong Chol'], birthDate: '1948', nationality: 'kp', gender: 'male', addressEntity: 'un-6908654-addr-1' }, riPyongChulUn),
    make('Address', 'un-6908654-addr-1', 'un_sc', { full: "Democratic People's Republic of Korea", country: 'kp' }, riPyongChulUn, false),
    make('Person', 'ofac-23215', 'us_ofac_sdn', { name: 'RI, Pyong Chol', birthDate: ['1948'], nationality: 'kp', gender: 'male' }, riPyongCholOfac),
    make('Person', 'un-6908566', 'un_sc', { name: 'KIM CHOL SAM', alias: 'Jin Tiesan (金铁三)', birthDate: '1971-03-11', nationality: 'kp', passportNumber: '645120378' }, kimCholSam),
    make('Person', 'un-6908400', 'un_sc', { name: 'KIM JONG SIK', nationality: 'kp', birthDate: ['1967', '1968', '1969'] }, kimJongSik),
    make('Person', 'ofac-43377', 'us_ofac_sdn', { name: 'KIM, Sang Man', alias: ['Sang Man KIM', 'KIM, Sangman'], birthDate: '1965-04-25', nationality: 'kp', gender: 'male' }, kimSangMan),
    make('Passport', 'ofac-43377-passport-109420132', 'us_ofac_sdn', { holder: 'ofac-43377', number: '109420132', country: 'kp' }, kimSangMan, false),
    make('CryptoWallet', 'ofac-43377-wallet-eth-0xb6f5ec1a0a9cd1526536d3f0426c429529471f40', 'us_ofac_sdn', { publicKey: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40', currencySymbol: 'ETH', holder: 'ofac-43377' }, kimSangMan),
    make('CryptoWallet', 'ofac-43377-wallet-xbt-1d6gg9ikehpittcwrjiniuj1jym2hneafj', 'us_ofac_sdn', { publicKey: '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ', currencySymbol: 'XBT', holder: 'ofac-43377' }, kimSangMan),
    make('Person', 'ofac-28265', 'us_ofac_sdn', { name: 'TIAN, Yinyin', nationality: 'cn', birthDate: '1983-08-04' }, tianYinyin),
    make('Organization', 'un-690735', 'un_sc', { name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', alias: ['CHANGGWANG SINYONG CORPORATION', 'KOMID'], country: 'kp' }, komid),
    make('Company', 'ofac-90001', 'us_ofac_sdn', { name: 'BELLETECH CORP', country: 'ae' }, belletech),
    make('Vessel', 'ofac-44000', 'us_ofac_sdn', { name: 'CHON MA SAN', imoNumber: 'IMO 8660313', flag: 'kp' }, vessel),
    make('Person', 'un-6907995', 'un_sc', { name: 'GASTON IYAMUREMYE', alias: ['Byiringiro Victor Rumuli', 'Victor Rumuri'], weakAlias: 'Rumuli', birthDate: '1948', nationality: 'rw', gender: 'male' }, gaston),
  ];
}
