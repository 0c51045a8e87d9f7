export { startExperiences } from './start-experiences.ts';
export type { EngineOptions } from './start-experiences.ts';
export type { ExperienceEngine, ExperienceHost, ExperienceModule } from './host.ts';
