namespace CertGuard.Core.ReferenceData;

public enum ReferenceDataStatus
{
    /// <summary>Taken from the instrument's text.</summary>
    Confirmed,

    /// <summary>待确认: the instrument's text is not in hand; the figures are a copy of the previous version's.</summary>
    ToBeConfirmed,
}
