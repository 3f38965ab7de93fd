import { createRoot } from 'react-dom/client';
import { LogPage } from '@/components/review/LogPage';

createRoot(document.getElementById('root')!).render(<LogPage />);
