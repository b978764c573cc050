import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { accountChurn, chineseBank, cryptoPayment, payToOtherName, prcPaymentService, prepaymentRequests, sharedPayoutAccount, sharedWithClient } from './payments.js';

const jane = { id: 'w1', names: ['Jane Doe'], aliases: ['Janie Doe'], claimed_country: 'us' };
const iban = 'DE89 3704 0044 0532 0130 00';

testRule(payToOtherName, () => ({
  fires: [rec({ ...jane, payment_accounts: [{ type: 'bank', identifier: '123456789', holder_name: 'Christina Marie Chapman' }] })],
  nearMiss: [rec({ ...jane, payment_accounts: [{ type: 'paypal', identifier: 'jane@example.com', holder_name: 'DOE, JANE' }] })],
  says: /bank 123456789 is held by "Christina Marie Chapman", not "Jane Doe"/,
}));

testRule(chineseBank, () => ({
  fires: [rec({ ...jane, payment_accounts: [{ type: 'bank', identifier: '6217001234567890', bank_name: 'Bank of Dandong' }] })],
  nearMiss: [rec({ ...jane, claimed_country: 'China', payment_accounts: [{ type: 'bank', identifier: '6217001234567890', bic: 'BKCHCNBJ' }] })],
  says: /bank 621700…7890 at Bank of Dandong is in China while the claimed country is United States/,
}));

testRule(prcPaymentService, () => ({
  fires: [rec({ ...jane, payment_accounts: [{ type: 'Alipay', identifier: 'jd@example.com' }] })],
  nearMiss: [rec({ ...jane, payment_accounts: [{ type: 'wise', identifier: 'jd@example.com' }] })],
  says: /Payouts go through alipay/,
}));

testRule(cryptoPayment, () => ({
  fires: [rec({ ...jane, payment_accounts: [{ type: 'wallet', identifier: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', currency: 'usdt' }] })],
  nearMiss: [rec({ ...jane, payment_accounts: [{ type: 'bank', identifier: iban }] })],
  says: /USDT wallet 0x098B716B8Aaf21512996dC57EB0615e2383E2f96/,
}));

testRule(accountChurn, () => ({
  fires: [rec({ ...jane, payment_accounts: [{ identifier: '111111119', added: '2025-01-05' }, { identifier: '222222229', added: '2025-02-01' }, { identifier: '333333339', added: '2025-03-01' }] })],
  nearMiss: [rec({ ...jane, payment_accounts: [{ identifier: '111111119', added: '2021-01-05' }, { identifier: '222222229', added: '2023-02-01' }, { identifier: '333333339', added: '2025-03-01' }] })],
  says: /3 payout accounts were added within 55 days/,
}));

testRule(sharedPayoutAccount, () => ({
  fires: [rec({ ...jane, payment_accounts: [{ identifier: iban }] }), rec({ id: 'w2', names: ['John Roe'], payment_accounts: [{ type: 'bank', identifier: 'de89370400440532013000' }] }, 2)],
  nearMiss: [rec({ ...jane, payment_accounts: [{ identifier: iban }] }), rec({ id: 'w2', names: ['John Roe'], payment_accounts: [{ identifier: 'DE89370400440532013001' }] }, 2)],
  says: /iban:DE89370400440532013000 also pays w2/,
}));

testRule(sharedWithClient, () => ({
  fires: [
    rec({ ...jane, payment_accounts: [{ type: 'paypal', identifier: 'j.doe+pay@gmail.com' }] }),
    rec({ id: 'client-9', role: 'client', payment_accounts: [{ type: 'paypal', identifier: 'jdoe@gmail.com' }] }, 2),
  ],
  nearMiss: [
    rec({ ...jane, payment_accounts: [{ type: 'paypal', identifier: 'j.doe+pay@gmail.com' }] }),
    rec({ id: 'w2', payment_accounts: [{ type: 'paypal', identifier: 'jdoe@gmail.com' }] }, 2),
  ],
  says: /paypal:jdoe@gmail\.com is used by client account client-9/,
}));

testRule(prepaymentRequests, () => ({
  fires: [rec({ ...jane, platform: { prepayment_requests: 3 } })],
  nearMiss: [rec({ ...jane, platform: { prepayment_requests: 1 }, reports: [{ type: 'cold outreach' }] })],
  says: /3 requests for payment before milestones/,
}));
