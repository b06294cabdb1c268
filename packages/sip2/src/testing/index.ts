export {
  type FakeFault,
  FakeIls,
  type FakeIlsOptions,
  type FakeIlsStats,
  type FakeItem,
  type FakePatron,
  type FakeRequest,
} from './fake-ils.ts';
export { demoLibrary } from './fixtures.ts';
