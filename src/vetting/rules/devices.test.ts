import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { ipKvm, remoteAccessTools, sharedDevice } from './devices.js';

const base = { id: 'w1', names: ['Jane Doe'] };

testRule(remoteAccessTools, () => ({
  fires: [rec({ ...base, devices: [{ id: 'laptop-1', remote_tools: 'anydesk.exe; PiKVM' }] })],
  nearMiss: [rec({ ...base, devices: [{ id: 'laptop-1', remote_tools: [] }] })],
  says: /AnyDesk was seen/,
}));

testRule(ipKvm, () => ({
  fires: [rec({ ...base, devices: [{ id: 'laptop-1', remote_tools: ['TinyPilot'] }] })],
  nearMiss: [rec({ ...base, devices: [{ id: 'laptop-1', ip_kvm: 'no', remote_tools: ['TeamViewer'] }] })],
  says: /IP-KVM \(TinyPilot\) was seen on laptop-1/,
}));

testRule(sharedDevice, () => ({
  fires: [rec({ ...base, devices: [{ id: 'MBP-77F1' }] }), rec({ id: 'w2', names: ['John Roe'], logins: [{ timestamp: '2025-04-01T10:00:00Z', device_id: 'mbp-77f1' }] }, 2)],
  nearMiss: [rec({ ...base, devices: [{ id: 'MBP-77F1' }] }), rec({ id: 'w2', names: ['John Roe'], devices: [{ id: 'MBP-77F2' }] }, 2)],
  says: /Device mbp-77f1 also logged in or was registered for w2/,
}));
