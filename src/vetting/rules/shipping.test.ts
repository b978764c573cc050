import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { laptopFarm, shippingAddressChanges, shippingDiffersFromIdentity } from './shipping.js';

const home = '12 Main Street, Apt 4, Austin, TX 78701';
const farmAddress = '800 Oak Avenue, Phoenix, AZ 85001';

testRule(shippingDiffersFromIdentity, () => ({
  fires: [rec({ id: 'w1', address: home, shipping_address: farmAddress })],
  nearMiss: [rec({ id: 'w1', address: home, shipping_address: '12 Main St. #4, Austin TX 78701, USA' })],
  says: /Equipment goes to "800 Oak Avenue, Phoenix, AZ 85001", which is not the identity address/,
}));

testRule(shippingAddressChanges, () => ({
  fires: [rec({ id: 'w1', shipping_addresses: [{ address: home, since: '2025-01-01' }, { address: farmAddress, since: '2025-02-01' }, { address: '5 Elm Street, Raleigh, NC 27601', since: '2025-03-01' }] })],
  nearMiss: [rec({ id: 'w1', shipping_addresses: [home, farmAddress, '12 Main St Apt 4 Austin TX 78701'] })],
  says: /3 different shipping addresses/,
}));

testRule(laptopFarm, () => ({
  fires: [
    rec({ id: 'w1', address: home, shipping_address: farmAddress }),
    rec({ id: 'w2', address: '9 Pine Court, Denver, CO 80201', shipping_address: farmAddress }, 2),
  ],
  nearMiss: [
    rec({ id: 'w1', address: farmAddress, shipping_address: farmAddress }),
    rec({ id: 'w2', address: farmAddress, shipping_address: farmAddress }, 2),
    rec({ id: 'w3', address: farmAddress, shipping_address: '800 Oak Ave, Phoenix AZ 85001' }, 3),
  ],
  says: /2 workers have equipment shipped to "800 oak ave phoenix az 85001" \(w2 besides this one\); 2 of them live elsewhere/,
}));
