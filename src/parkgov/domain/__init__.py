"""Pure domain code: entities, value objects and rules. No I/O, no framework.

One concept per module (each module's docstring lists its public API):
    errors          DomainError, the one exception, with a Chinese message
    quantity        Unit, Quantity, parse_unit, convert (the only unit conversion), display rounding
    period          Period: year, half-year, quarter, month, year-to-date; Chinese labels
    time_progress   序时进度 by month or by day
    completion      completion_rate (None instead of a division error)
    light           Light (traffic lights), Thresholds, the rule against time progress
    target          Target (amount / growth / ceiling) and assess()
    deadline        Deadline and parse_deadline (``2025年12月底前``, ``每月``, ``长期`` …)
    task_status     TaskState (未开始/推进中/已完成/滞后), task_state, task_light
    project_status  milestones (签约/开工/竣工/投产) and project_status
    supervision     supervision orders (督办单): state machine, proposals for red items
    ranking         unit scores, ranks with ties, quarters, bottom N
    per_mu          亩均效益 and A/B/C/D classing of enterprises
"""
