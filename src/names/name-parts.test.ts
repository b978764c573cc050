import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePersonName, personNameForms, personNameKeys, splitParentheticals } from './name-parts.js';
import { romaniseName, ROMANISATION_SCHEMES } from './hangul.js';

const shareKey = (a: string, b: string): boolean => {
  const keys = new Set(personNameKeys(a));
  return personNameKeys(b).some((k) => keys.has(k));
};

describe('parsePersonName', () => {
  it.each([
    // OFAC: FAMILY, Given Given
    ['RI, U’n-so’ng', 'auto', ['ri'], ['un', 'song']],
    ["CHANG, Myo' ng-ch'o' l", 'auto', ['chang'], ['myong', 'chol']],
    ['PAK, Jin Hyok', 'surname-comma', ['pak'], ['jin', 'hyok']],
    // UN DPRK: family first
    ['RI PYONG CHUL', 'family-first', ['ri'], ['pyong', 'chul']],
    ['Chang-Su Han', 'western', ['han'], ['chang', 'su']],
    // capitals mark the family name
    ['KIM Jong Un', 'auto', ['kim'], ['jong', 'un']],
    ['Jong Un KIM', 'auto', ['kim'], ['jong', 'un']],
    // a Korean family name at one end
    ['Cho Yongwon', 'auto', ['cho'], ['yongwon']],
    ['Pyong Chol Ri', 'auto', ['ri'], ['pyong', 'chol']],
    // Hangul and Han: family first, script kept
    ['김정은', 'auto', ['김'], ['정은']],
    ['金铁三', 'auto', ['金'], ['铁三']],
  ] as const)('%s (%s) → family %j, given %j', (name, order, family, given) => {
    const parts = parsePersonName(name, order);
    expect(parts.family).toEqual(family);
    expect(parts.given).toEqual(given);
  });

  it('leaves the family name unknown when nothing tells it', () => {
    expect(parsePersonName('John Smith')).toEqual({ given: ['john', 'smith'], tokens: ['john', 'smith'] });
    expect(parsePersonName('Young-Chul')).toEqual({ given: ['young', 'chul'], tokens: ['young', 'chul'] });
    expect(parsePersonName('')).toEqual({ given: [], tokens: [] });
  });
});

describe('splitParentheticals', () => {
  it('treats a parenthesised part as another writing of the name', () => {
    expect(splitParentheticals('Jin Tiesan (金铁三)')).toEqual(['Jin Tiesan', '金铁三']);
    expect(splitParentheticals('KIM Jong Un')).toEqual(['KIM Jong Un']);
  });
});

describe('personNameForms', () => {
  it('reorders and joins Korean given names', () => {
    expect(personNameForms('KIM, Jong Un')).toEqual(['kim jong un', 'jong un kim', 'kim jongun', 'jongun kim']);
    expect(personNameForms('Cho Yongwon')).toEqual(expect.arrayContaining(['cho yong won', 'cho yongwon', 'yong won cho']));
  });

  it('romanises Hangul in every scheme, North and South spellings', () => {
    const forms = personNameForms('리병철');
    for (const f of ['ri pyong chol', 'ri byeong cheol', 'ri byeongcheol', 'i byeong cheol', 'yi pyong chol', 'pyong chol ri']) {
      expect(forms).toContain(f);
    }
  });

  it('reads Han names in pinyin, Wade–Giles and Sino-Korean', () => {
    const forms = personNameForms('Jin Tiesan (金铁三)');
    for (const f of ['jin tiesan', 'tie san jin', 'chin tieh san', 'kim chol sam', 'gim cheol sam']) expect(forms).toContain(f);
  });

  it('passes other scripts through any-ascii', () => {
    expect(personNameForms('КУЗЬМЕНКО Сергей')).toEqual(['kuzmenko sergey', 'sergey kuzmenko']);
  });
});

describe('personNameKeys: spellings of one name share a key', () => {
  it.each([
    // UN/OFAC primary names and their listed aliases
    ["CHOE SO'K MIN", "CH'OE SO’K MIN"],
    ['CHOE SO’K MIN', 'Choe Sok Min'],
    ['MIN BYONG CHOL', 'Min Pyo’ng-ch’o’l'],
    ['MIN BYONG CHOL', 'MIN, Byong-chol'],
    ['RI U’N SO’NG', 'Ri Eun Song'],
    ['RI U’N SO’NG', 'Ri Un Song'],
    ['CHANG MYONG-CHIN', 'Jang Myong-Jin'],
    ['KIM CHOL SAM', 'Jin Tiesan (金铁三)'],
    ['JO YONG-WON', 'Cho Yongwon'],
    ['HAN JANG SU', 'Chang-Su Han'],
    ['CHO IL U', 'Cho Il Woo'],
    ['PAK TO CHUN', 'Pak To’-Ch’un'],
    ['KIM YONG CHOL', 'Kim Young-Cheol'],
    ['RA KY’ONG-SU', 'Ra Kyung-Su'],
    ['KIM JUNG JONG', 'Kim Chung Chong'],
    ['CHOE, Pu Il', 'CHOI, Bu-il'],
    ['PARK, Jin Hyok', "PAK, Ch'in-hyo'k"],
    ['KU, Sung Sop', 'KU, Seung Sub'],
    ['RI, Jong Won', 'RI, Jung Won'],
    ['KANG, Phyong Guk', "KANG, P'yo'ng-kuk"],
    ['CHOE, Un Jong', 'CHOE, Unjong'],
    ["CHANG, Myo' ng-ch'o' l", 'JANG, Myong Chol'],
    ['SIN, Yong Il', 'SHIN, Yong Il'],
    ['RI, Yong Gil', "YI, Yo'ng-kil"],
    // Hangul against the listed Latin spellings
    ['김정은', 'KIM Jong Un'],
    ['김정은', 'KIM, Jong-un'],
    ['김정일', 'Kim Jong Il'],
    ['리병철', 'RI, Pyong Chol'],
    ['리병철', "RI, Pyo'ng-ch'o'l"],
    ['이병철', 'Ri Pyong Chol'],
    ['최선희', 'Choe Son Hui'],
    ['최선희', 'Choi Sun-hee'],
    ['박봉주', 'Pak Pong Ju'],
    ['김여정', 'KIM, Yo Jong'],
    ['김여정', "KIM, Yo'-cho'ng"],
    ['최룡해', "CH'OE, Ryong-hae"],
    ['金正恩', 'Kim Jong Un'],
  ])('%s ~ %s', (a, b) => {
    expect(shareKey(a, b)).toBe(true);
  });
});

describe('personNameKeys: different names stay apart', () => {
  it.each([
    ['김정은', '김정일'],
    ['Kim Jong Un', 'Kim Jong Il'],
    ['Ri Pyong Chol', 'Kim Pyong Chol'],
    ['PAEK CHANG-HO', 'Pak Chang-Ho'],
    ['JANG BOM SU', 'Jang Hyon U'],
    ['KO TAE HUN', 'Kim Myong Gi'],
    ['RI SONG HYOK', 'Li Cheng He'],
    ['John Smith', 'Jon Smyth'],
  ])('%s ≁ %s', (a, b) => {
    expect(shareKey(a, b)).toBe(false);
  });
});

describe('personNameKeys properties', () => {
  const surnames = ['김', '리', '이', '박', '최', '정', '강', '조', '윤', '장', '림', '한', '오', '신', '류', '로', '량', '남궁', '황보'];
  const given = [...'정은일철병선희봉주여룡해성남수영호국광혁진명옥순춘무용길석학찬'];

  it('keys a Hangul name equal to its romanisation in every scheme', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...surnames),
        fc.array(fc.constantFrom(...given), { minLength: 1, maxLength: 2 }),
        (family, syllables) => {
          const hangul = family + syllables.join('');
          for (const scheme of ROMANISATION_SCHEMES) {
            const text = romaniseName(hangul, scheme)?.text ?? '';
            if (!shareKey(hangul, text)) throw new Error(`${hangul} ≁ ${text} (${scheme})`);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        personNameKeys(s);
        personNameForms(s);
        parsePersonName(s);
      }),
      { numRuns: 500 },
    );
  });
});
