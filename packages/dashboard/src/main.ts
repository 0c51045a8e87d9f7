// Entry of index.html: the page the collector serves at /dashboard/.
import { mountDashboard } from './mount-dashboard.tsx';

const root = document.getElementById('app');
if (root) mountDashboard(root);
