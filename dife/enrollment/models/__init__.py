from dife.enrollment.models.dossier import Dossier
from dife.enrollment.models.settlement import Settlement
from dife.enrollment.models.transition import Transition

__all__ = ["Dossier", "Settlement", "Transition"]
