// Paid courses and sign-ups: 课程 / 训练营 / 开班 / 报名 / 学费.
import { defineCue } from '../cue';

export default defineCue({
  id: 'course-signup',
  weight: 0.9,
  phrases: [
    '课程', '好课', '训练营', '培训班', '培训', '开班', '开课', '报名', '立即报名', '报名方式', '报名链接', '学费', '招生',
    '试听', '体验课', '公开课', '直播课', '网课', '学员', '讲师', '结营', '上课', '授课', '学习群', '实战班', '进阶班',
    '急救班', '冲刺班', '特训营', '研修班', '考证', '认证班', '班主任', '成长营', '私教', '1v1', '一对一', '陪跑',
    'course', 'bootcamp', 'enroll', 'enrollment', 'sign up', 'register now', 'tuition', 'masterclass', 'cohort',
    '课程表', '大纲', '开营', '入营', '打卡', '陪练', '名师', '试学', '在线课', '录播', 'workshop', 'webinar', 'early bird', 'early-bird',
  ],
  except: ['招生简章', '研究生招生', '博士生招生', '博士招生', '硕士招生', '招生信息', '招收'],
  });
