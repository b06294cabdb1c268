export {
  type FakeFault,
  FakeIls,
  type FakeIlsOptions,
  type FakeIlsStats,
  type FakeItem,
  type FakePatron,
  type FakeRequest,
  TEST_SIP2_LOGIN,
} from './fake-ils.ts';
export { demoLibrary, fromPeerData, type PeerData, testSip2Config } from './fixtures.ts';
export { freePort, type RunningPeer, sip2PeerDir, sip2PeerMissing, startSip2Peer } from './peer.ts';
