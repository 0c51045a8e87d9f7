export type { ExperienceRoutesDeps } from './experience-routes.ts';
export { createExperienceRoutes } from './experience-routes.ts';
export type { ConfigResponse } from './config-route.ts';
export type { UserExperienceState, ChecklistProgress, SurveyProgress } from './user-experience-state.ts';
export { readUserExperienceState } from './user-experience-state.ts';
export { parseWorkspaceExperiences, workspaceExperiences } from './workspace-experiences.ts';
