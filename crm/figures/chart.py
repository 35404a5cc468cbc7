"""The leader's overview as a picture: the pipeline by stage and the units'
ranking against their funds targets (people would rather look than read)."""

from __future__ import annotations

import calendar
import io
import logging
from pathlib import Path

from crm.figures.report import Report

log = logging.getLogger(__name__)

STAGE_ZH = {"PACKAGED": "包装", "NEGOTIATING": "洽谈", "SIGNED": "签约", "LANDED": "落地", "STARTED": "开工",
            "IN_PRODUCTION": "投产", "STALLED": "停滞", "WITHDRAWN": "退出"}
# Debian's fonts-wqy-microhei (scripts/bootstrap installs it) or other common CJK fonts.
CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def cjk_font() -> str | None:
    return next((f for f in CJK_FONTS if Path(f).exists()), None)


def overview_png(report: Report) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    font = cjk_font()
    if font:
        font_manager.fontManager.addfont(font)
        plt.rcParams["font.family"] = font_manager.FontProperties(fname=font).get_name()
    else:
        log.warning("no CJK font found (install fonts-wqy-microhei): Chinese labels will not render")
    stages = [s for s in STAGE_ZH if report.total.figures.by_stage.get(s)]
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.5), dpi=110)
    counts = [report.total.figures.by_stage.get(s, 0) for s in stages]
    bars = left.bar([STAGE_ZH[s] for s in stages], counts, color="#2f6db5")
    left.bar_label(bars)
    left.yaxis.set_major_locator(MaxNLocator(integer=True))
    left.set_title(f"项目推进情况({report.period.label}末, 共{sum(counts)}个)")
    left.set_ylabel("项目数")
    rows = [r for r in report.rows]
    names = [r.figures.unit_name for r in rows][::-1]
    done = [float(r.figures.target_completion or 0) * 100 for r in rows][::-1]
    # 序时进度: the share of the year gone by the period's end; ahead of it is green.
    end = report.period.end
    elapsed = 100 * (end.timetuple().tm_yday / (366 if calendar.isleap(end.year) else 365))
    hbars = right.barh(names, done, color=["#27ae60" if d >= elapsed else "#c0392b" for d in done])
    right.bar_label(hbars, labels=[f"{d:.1f}%" if r.figures.target_completion is not None else "无目标"
                                   for d, r in zip(done, rows[::-1])])
    right.axvline(elapsed, color="#555", linestyle="--", linewidth=1)
    right.text(elapsed, len(names) - 0.4, f" 序时进度 {elapsed:.0f}%", va="bottom", fontsize=9, color="#555")
    right.set_xlim(0, max(100, *(d + 15 for d in done)))
    right.set_title("到位资金目标完成率排名(年初至今)")
    right.set_xlabel("%")
    fig.suptitle(f"招商引资{report.period.label}通报", fontsize=15)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
