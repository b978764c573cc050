import { describe, expect, it } from 'vitest';
import { hangulSurnameFamily, isKnownHangulSurname, surnameFamilies, surnameFamily } from './korean-surnames.js';

describe('surnameFamily', () => {
  const families: [string, string[]][] = [
    ['리', ['Ri', 'Li', 'Lee', 'Yi', 'Rhee', 'Rhie', 'I', 'Ye', 'Ee']],
    ['박', ['Pak', 'Park', 'Bak', 'Bahk']],
    ['최', ['Choe', 'Choi', 'Chwe', "Ch'oe", 'CH’OE']],
    ['정', ['Jong', 'Jung', 'Chung', 'Jeong', 'Chong', 'Cheong', 'Joung', "CHO'NG"]],
    ['김', ['Kim', 'Gim', 'Ghim']],
    ['권', ['Kwon', 'Gwon', 'Kweon']],
    ['장', ['Jang', 'Chang']],
    ['류', ['Ryu', 'Yu', 'Yoo', 'You']],
    ['림', ['Rim', 'Im', 'Lim', 'Yim']],
    ['로', ['Ro', 'No', 'Roh', 'Noh']],
    ['량', ['Ryang', 'Yang']],
    ['전', ['Jon', 'Jeon', 'Jun', 'Chon', 'Chun', "CHO'N"]],
    ['조', ['Jo', 'Cho', 'Joe']],
    ['강', ['Kang', 'Gang']],
    ['윤', ['Yun', 'Yoon']],
    ['오', ['O', 'Oh']],
    ['신', ['Sin', 'Shin']],
    ['렴', ['Ryom', "RYO'M", 'Yeom']],
    ['주', ['Ju', 'Chu']],
    ['남궁', ['Namgung', 'Nam-gung']],
    ['선우', ['Sonu', 'Seonu', 'Sunwoo']],
  ];
  for (const [id, spellings] of families) {
    it(`${id}: ${spellings.join(', ')}`, () => {
      for (const s of spellings) expect(surnameFamily(s), s).toBe(id);
    });
  }

  it('keeps different families apart and rejects non-Korean names', () => {
    expect(surnameFamily('Ri')).not.toBe(surnameFamily('Kim'));
    expect(surnameFamily('Pak')).not.toBe(surnameFamily('Paek'));
    expect(surnameFamily('Smith')).toBeNull();
    expect(surnameFamily('Wu')).toBeNull();
  });

  it('lists every family of a shared spelling', () => {
    expect(surnameFamilies('Chun')).toEqual(['전', '천']);
  });
});

describe('hangulSurnameFamily', () => {
  it('maps the Northern and Southern Hangul spellings to one family', () => {
    expect(hangulSurnameFamily('리')).toBe('리');
    expect(hangulSurnameFamily('이')).toBe('리');
    expect(hangulSurnameFamily('유')).toBe('류');
    expect(hangulSurnameFamily('노')).toBe('로');
    expect(hangulSurnameFamily('가')).toBeNull();
    expect(isKnownHangulSurname('남궁')).toBe(true);
  });
});
