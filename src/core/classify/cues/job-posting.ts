// Job postings and funded positions (岗位职责 / 任职要求 / 简历): the reader is offered pay, not asked to pay.
import { defineCue } from '../cue';

export default defineCue({
  id: 'job-posting',
  weight: -0.8,
  phrases: [
    '招聘', '岗位职责', '任职要求', '职位描述', '工作职责', '简历', '投递', '薪资', '五险一金', '博士后', '岗位要求',
    '工作地点', '内推', '应聘', '招收',
    'we are hiring', 'job description', 'resume', 'cv to', 'apply now',
  ],
  });
